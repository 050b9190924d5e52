package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts the records of a scan for the one-line summary on stderr: targets, ok, errors by kind,
 * elapsed time and rate. Used from the single writer thread.
 */
final class ScanSummary {
  private final long startNanos = System.nanoTime();
  private long targets;
  private long errors;
  private long failing;
  private final ErrorTally errorsByKind = new ErrorTally();
  private final FailOn failOn;
  private final String policy;

  /** Counts targets whose findings reach {@code failOn} under {@code policy} too. */
  ScanSummary(FailOn failOn, String policy) {
    this.failOn = failOn;
    this.policy = policy;
  }

  void add(HostReport report) {
    targets++;
    if (errorsByKind.add(report)) {
      errors++;
    }
    if (failOn.fails(report)) {
      failing++;
    }
  }

  /** Targets with a finding at or above {@code --fail-on}. */
  long failing() {
    return failing;
  }

  long errors() {
    return errors;
  }

  /** E.g. {@code 24 targets, 10 ok, 14 errors (3 timeout, 2 not_tls), 3.2s, 7.5 targets/s}. */
  String line() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    StringBuilder text = new StringBuilder();
    text.append(targets)
        .append(targets == 1 ? " target, " : " targets, ")
        .append(targets - errors)
        .append(" ok, ");
    text.append(errors()).append(errors() == 1 ? " error" : " errors");
    if (!errorsByKind.isEmpty()) {
      text.append(" (").append(errorsByKind).append(')');
    }
    if (failOn.threshold().isPresent()) {
      text.append(", ")
          .append(failing)
          .append(failing == 1 ? " target" : " targets")
          .append(" with ")
          .append(failOn.describe())
          .append(" findings (")
          .append(policy)
          .append(')');
    }
    text.append(String.format(Locale.ROOT, ", %.1fs, %.1f targets/s", seconds, targets / seconds));
    return text.toString();
  }
}
