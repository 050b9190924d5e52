package io.tlsscan.cli;

import io.tlsscan.policy.BuiltInPolicies;
import io.tlsscan.policy.FindingCatalog;
import io.tlsscan.policy.FindingKind;
import io.tlsscan.policy.Policy;
import io.tlsscan.report.policy.PolicyFileException;
import io.tlsscan.report.policy.PolicyFiles;
import java.io.PrintStream;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsscan policies}: the built-in policies and what each asks; {@code tlsscan policies
 * FILE} checks and explains a policy file; {@code --findings} prints the findings catalogue as the
 * README's markdown table.
 */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = {
      "List the built-in policies and their rules, explain a policy file, or print the catalogue",
      "of finding ids (--findings) as a markdown table."
    })
final class PoliciesCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "NAME|FILE",
      arity = "0..1",
      description = "A built-in policy or a policy file to check and explain.")
  String policy;

  @Option(names = "--findings", description = "Print every finding id with its severity and remedy.")
  boolean findings;

  @Override
  public Integer call() throws PolicyFileException {
    PrintStream out = System.out;
    if (findings) {
      out.print(findingsTable());
      return ExitCodes.OK;
    }
    if (policy != null) {
      explain(PolicyFiles.resolve(policy), out);
      return ExitCodes.OK;
    }
    for (Policy builtIn : BuiltInPolicies.all()) {
      explain(builtIn, out);
      out.println();
    }
    out.println("default: " + BuiltInPolicies.DEFAULT + "; a policy file (YAML or JSON) extends one");
    return ExitCodes.OK;
  }

  /** The catalogue as a markdown table: id, severity, meaning, remedy. */
  static String findingsTable() {
    StringBuilder table = new StringBuilder("| id | severity | meaning | remedy |\n|---|---|---|---|\n");
    for (FindingKind kind : FindingCatalog.all()) {
      table
          .append("| `")
          .append(kind.id())
          .append("` | ")
          .append(kind.severity().wireName())
          .append(" | ")
          .append(kind.meaning())
          .append(" | ")
          .append(kind.remedy())
          .append(" |\n");
    }
    return table.toString();
  }

  private static void explain(Policy policy, PrintStream out) {
    out.println(policy.name() + ": " + policy.description());
    line(out, "versions allowed", policy.allowedProtocols());
    line(out, "suites allowed", policy.allowedCiphers());
    line(out, "suites forbidden", policy.forbiddenCiphers());
    line(out, "suites required", policy.requiredCiphers());
    line(out, "groups allowed", policy.allowedGroups());
    Policy.CertificateRules certificate = policy.certificate();
    line(out, "certificate key types", certificate.keyTypes());
    number(out, "certificate RSA bits at least", certificate.minRsaBits());
    line(out, "certificate curves", certificate.curves());
    number(out, "certificate lifetime at most (days)", certificate.maxLifetimeDays());
    number(out, "certificate days left at least", certificate.minDaysLeft());
    number(out, "DH prime bits at least", policy.minDhBits());
    if (policy.requireOcspStapling()) {
      out.println("  OCSP stapling required");
    }
    if (policy.requireHsts()) {
      out.println("  HSTS required");
    }
    policy.severities().forEach((id, severity) -> out.println("  " + id + " is " + severity.wireName()));
    for (Policy.Exemption exemption : policy.exemptions()) {
      out.println(
          "  exempt: "
              + exemption.host()
              + exemption.port().map(port -> ":" + port).orElse("")
              + " from "
              + String.join(", ", exemption.findings().stream().sorted().toList())
              + " until "
              + exemption.until()
              + " ("
              + exemption.reason()
              + ")");
    }
  }

  private static void line(PrintStream out, String what, Collection<String> values) {
    if (!values.isEmpty()) {
      out.println("  " + what + ": " + String.join(", ", values.stream().sorted().toList()));
    }
  }

  private static void number(PrintStream out, String what, int value) {
    if (value > 0) {
      out.println("  " + what + ": " + value);
    }
  }
}
