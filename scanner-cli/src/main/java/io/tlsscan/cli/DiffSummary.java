package io.tlsscan.cli;

import io.tlsscan.model.Severity;
import io.tlsscan.report.diff.Change;
import io.tlsscan.report.diff.ScanDiff;
import io.tlsscan.report.diff.TargetDiff;
import java.util.Map;
import java.util.TreeMap;

/** Counts the changed targets of a diff, for the summary line on stderr and the exit code. */
final class DiffSummary {
  private final Severity failOn;
  private final Map<String, Long> targetsByKind = new TreeMap<>();
  private long worse;

  DiffSummary(Severity failOn) {
    this.failOn = failOn;
  }

  void add(TargetDiff diff) {
    diff.changes().stream()
        .map(Change::kind)
        .distinct()
        .forEach(kind -> targetsByKind.merge(kind, 1L, Long::sum));
    if (diff.worse(failOn)) {
      worse++;
    }
  }

  /** How many targets got worse. */
  long worse() {
    return worse;
  }

  /**
   * E.g. {@code diff of 1000 and 1002 records: 7 targets changed, 2 worse (appeared 2, finding_new
   * 3, vanished 1)}, each kind counting the targets that have it.
   */
  String line(ScanDiff.Tally tally, long skipped) {
    StringBuilder text =
        new StringBuilder("diff of ")
            .append(tally.oldRecords())
            .append(" and ")
            .append(tally.newRecords())
            .append(" records: ")
            .append(tally.changed())
            .append(tally.changed() == 1 ? " target changed, " : " targets changed, ")
            .append(worse)
            .append(" worse");
    if (!targetsByKind.isEmpty()) {
      text.append(" (");
      targetsByKind.forEach(
          (kind, count) -> text.append(kind).append(' ').append(count).append(", "));
      text.setLength(text.length() - 2);
      text.append(')');
    }
    if (skipped > 0) {
      text.append("; ")
          .append(skipped)
          .append(skipped == 1 ? " line" : " lines")
          .append(" skipped");
    }
    return text.toString();
  }
}
