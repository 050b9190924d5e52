package io.tlsscan.cli;

import io.tlsscan.policy.BuiltInPolicies;
import io.tlsscan.policy.Policy;
import io.tlsscan.policy.PolicyEvaluator;
import io.tlsscan.report.policy.PolicyFileException;
import io.tlsscan.report.policy.PolicyFiles;
import io.tlsscan.scan.ScanOptions;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --policy} and {@code --fail-on}: what findings a scan makes and which fail it. */
final class PolicyOptions {
  @Option(
      names = "--policy",
      paramLabel = "NAME|FILE",
      description =
          "Judge targets against a built-in policy (mozilla-modern, mozilla-intermediate,"
              + " mozilla-old, baseline) or a policy file (YAML or JSON; see `tlsscan policies`)."
              + " Default: ${DEFAULT-VALUE}.")
  String policy = BuiltInPolicies.DEFAULT;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = FailOnConverter.class,
      description =
          "Exit 1 when any finding is at this severity or worse: critical, high, medium, low,"
              + " info, or none. Default: high.")
  FailOn failOn = FailOn.DEFAULT;

  /** Says on {@code messages} which of {@code policy}'s rules a scan with {@code options} skips. */
  void warnUnchecked(Policy policy, ScanOptions options, PrintStream messages) {
    List<String> unchecked =
        new PolicyEvaluator(policy)
            .unchecked(
                section -> options.probes().stream().anyMatch(p -> p.cliName().equals(section)));
    if (!unchecked.isEmpty()) {
      messages.println(
          "tlsscan: "
              + policy.name()
              + " rules this scan does not check: "
              + String.join(", ", unchecked));
    }
  }

  /** The policy named, read from its file when it is not a built-in one. */
  Policy resolve() throws PolicyFileException {
    return PolicyFiles.resolve(policy);
  }
}
