package io.tlsscan.report.diff;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.util.List;

/**
 * What changed about one target between two scans, in the order {@link RecordComparison} finds it;
 * never empty.
 *
 * @param target the target as the new scan names it (the old one for a vanished target)
 */
public record TargetDiff(ScanRecord.Target target, List<Change> changes) {
  public TargetDiff {
    requireNonNull(target, "target");
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a target diff needs a change");
    }
  }

  /** Whether some change makes the target worse, new findings counting from {@code failOn}. */
  public boolean worse(Severity failOn) {
    return changes.stream().anyMatch(c -> c.worse(failOn));
  }
}
