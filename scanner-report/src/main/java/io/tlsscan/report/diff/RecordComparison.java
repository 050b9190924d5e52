package io.tlsscan.report.diff;

import io.tlsscan.report.saved.ScanRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The changes between two records of one target. Sections compare only when both records have them
 * (a probe that did not run is no change); findings compare by id, so a message that counts days
 * does not make a finding new.
 */
final class RecordComparison {
  private RecordComparison() {}

  /** The changes from {@code was} to {@code now}, empty when the target is the same. */
  static List<Change> between(ScanRecord was, ScanRecord now) {
    List<Change> changes = new ArrayList<>();
    if (!now.ok()) {
      if (was.ok()) {
        changes.add(new Change.StartedFailing(now.error()));
      } else if (!Objects.equals(kind(was), kind(now))) {
        changes.add(new Change.ErrorChanged(was.error(), now.error()));
      }
      return changes;
    }
    if (!was.ok()) {
      changes.add(new Change.Recovered(was.error()));
      findings(List.of(), now.findings(), changes);
      return changes;
    }
    String wasIp = was.target().ip();
    String nowIp = now.target().ip();
    if (wasIp != null && nowIp != null && !wasIp.equals(nowIp)) {
      changes.add(new Change.AddressChanged(wasIp, nowIp));
    }
    findings(was.findings(), now.findings(), changes);
    certificate(was.leaf(), now.leaf(), changes);
    if (was.accepted() != null && now.accepted() != null) {
      sets(
          was.accepted(),
          now.accepted(),
          changes,
          Change.ProtocolAdded::new,
          Change.ProtocolRemoved::new);
    }
    if (was.ciphers() != null && now.ciphers() != null) {
      sets(
          was.ciphers(),
          now.ciphers(),
          changes,
          suite -> cipher(suite, Change.CipherAdded::new),
          suite -> cipher(suite, Change.CipherRemoved::new));
    }
    return changes;
  }

  /** The changes of a target only the new scan has: it appeared, maybe failing, with findings. */
  static List<Change> appeared(ScanRecord now) {
    List<Change> changes = new ArrayList<>();
    changes.add(new Change.Appeared());
    if (!now.ok()) {
      changes.add(new Change.StartedFailing(now.error()));
    }
    findings(List.of(), now.findings(), changes);
    return changes;
  }

  private static void findings(
      List<ScanRecord.Finding> was, List<ScanRecord.Finding> now, List<Change> changes) {
    Map<String, ScanRecord.Finding> before = byId(was);
    Map<String, ScanRecord.Finding> after = byId(now);
    after.forEach(
        (id, f) -> {
          if (!before.containsKey(id)) {
            changes.add(new Change.FindingNew(f));
          }
        });
    before.forEach(
        (id, f) -> {
          if (!after.containsKey(id)) {
            changes.add(new Change.FindingResolved(f));
          }
        });
  }

  private static Map<String, ScanRecord.Finding> byId(List<ScanRecord.Finding> findings) {
    Map<String, ScanRecord.Finding> byId = new LinkedHashMap<>();
    findings.forEach(f -> byId.putIfAbsent(f.id(), f));
    return byId;
  }

  private static void certificate(
      ScanRecord.Certificate was, ScanRecord.Certificate now, List<Change> changes) {
    if (was == null || now == null) {
      return;
    }
    List<String> moved = new ArrayList<>();
    if (!Objects.equals(was.sha256(), now.sha256())) {
      moved.add("sha256");
    }
    if (!Objects.equals(was.issuer(), now.issuer())) {
      moved.add("issuer");
    }
    if (!Objects.equals(was.notAfter(), now.notAfter())) {
      moved.add("not_after");
    }
    if (!moved.isEmpty()) {
      changes.add(new Change.CertificateRotated(was, now, moved));
    }
  }

  private static void sets(
      Set<String> was,
      Set<String> now,
      List<Change> changes,
      Function<String, Change> added,
      Function<String, Change> removed) {
    now.stream().sorted().filter(v -> !was.contains(v)).map(added).forEach(changes::add);
    was.stream().sorted().filter(v -> !now.contains(v)).map(removed).forEach(changes::add);
  }

  /** A {@code VERSION SUITE} entry of {@link ScanRecord#ciphers()} as a change. */
  private static Change cipher(String entry, BiFunction<String, String, Change> change) {
    int space = entry.indexOf(' ');
    return change.apply(entry.substring(0, space), entry.substring(space + 1));
  }

  private static String kind(ScanRecord record) {
    return record.error() == null ? null : record.error().kind();
  }
}
