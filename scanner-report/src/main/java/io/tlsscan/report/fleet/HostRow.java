package io.tlsscan.report.fleet;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * One row of the host table: what a record says, flattened. {@code rank} orders hosts from the
 * worst: 6 for a target that could not be scanned, else its worst finding's severity (5 critical …
 * 1 info), 0 without findings.
 */
record HostRow(
    String name,
    String ip,
    String status,
    String protocol,
    String subject,
    String issuer,
    Long daysLeft,
    String notAfter,
    Boolean trusted,
    String worst,
    String findings,
    int rank) {

  /** Worst first: rank, then untrusted, then the soonest expiry, then by name. */
  static final Comparator<HostRow> WORST_FIRST =
      Comparator.comparingInt(HostRow::rank)
          .reversed()
          .thenComparing(r -> !Boolean.FALSE.equals(r.trusted()))
          .thenComparing(HostRow::daysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(HostRow::name);

  /** The soonest expiry first. */
  static final Comparator<HostRow> BY_EXPIRY =
      Comparator.comparing(HostRow::daysLeft, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(HostRow::name);

  static HostRow of(ScanRecord record) {
    ScanRecord.Certificate leaf = record.leaf();
    Severity worst = record.worstSeverity();
    return new HostRow(
        record.target().name(),
        record.target().ip(),
        record.ok() ? "ok" : record.error() == null ? "error" : record.error().kind(),
        record.protocol(),
        leaf == null ? null : leaf.subject(),
        leaf == null ? null : leaf.issuer(),
        leaf == null ? null : leaf.daysLeft(),
        leaf == null ? null : leaf.notAfter(),
        record.trusted(),
        worst == null ? null : worst.wireName(),
        record.findings().stream()
            .map(f -> f.severity().wireName() + " " + f.id())
            .collect(Collectors.joining(", ")),
        !record.ok() ? 6 : worst == null ? 0 : worst.ordinal() + 1);
  }
}
