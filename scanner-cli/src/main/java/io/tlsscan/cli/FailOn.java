package io.tlsscan.cli;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --fail-on}: the least severity of a finding that fails the run (exit 1), or none.
 *
 * @param threshold the severity, or empty for {@code none}
 */
record FailOn(Optional<Severity> threshold) {
  /** The default, {@code high}. */
  static final FailOn DEFAULT = new FailOn(Optional.of(Severity.HIGH));

  /** Reads {@code critical}, {@code high}, {@code medium}, {@code low}, {@code info} or {@code none}. */
  static FailOn parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("none")) {
      return new FailOn(Optional.empty());
    }
    for (Severity severity : Severity.values()) {
      if (severity.wireName().equals(lower)) {
        return new FailOn(Optional.of(severity));
      }
    }
    throw new IllegalArgumentException(
        "unknown severity \"" + text + "\" (critical, high, medium, low, info, none)");
  }

  /** Whether {@code report} has a finding at or above the threshold. */
  boolean fails(HostReport report) {
    if (threshold.isEmpty()) {
      return false;
    }
    for (Finding finding : report.findings()) {
      if (finding.severity().compareTo(threshold.get()) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** E.g. {@code high or worse}. */
  String describe() {
    return threshold.map(s -> s.wireName() + (s == Severity.CRITICAL ? "" : " or worse")).orElse("none");
  }
}
