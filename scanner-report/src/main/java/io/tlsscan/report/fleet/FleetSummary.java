package io.tlsscan.report.fleet;

import io.tlsscan.model.Severity;
import io.tlsscan.report.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet views as text for a terminal ({@code tlsscan report --summary}): counts, versions,
 * expiring certificates, certificates shared by many targets and names whose addresses serve
 * different certificates. Server text is made safe for terminals.
 */
public final class FleetSummary {
  private FleetSummary() {}

  /** The summary of {@code stats}, one line each, ending in a line feed. */
  public static String text(FleetStats stats) {
    List<String> lines = new ArrayList<>();
    StringBuilder errors = new StringBuilder();
    stats
        .errorKinds
        .top(64, 1)
        .forEach(e -> errors.append(", ").append(e.getKey()).append(' ').append(e.getValue()));
    lines.add(
        "targets: "
            + stats.targets
            + " ("
            + stats.ok
            + " answered, "
            + (stats.targets - stats.ok)
            + " could not be scanned"
            + (errors.length() == 0 ? "" : ": " + errors.substring(2))
            + ")");
    lines.add("untrusted certificates: " + stats.untrusted);
    StringBuilder findings = new StringBuilder("findings:");
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      findings
          .append(' ')
          .append(Severity.values()[i].wireName())
          .append(' ')
          .append(stats.findingsBySeverity[i]);
    }
    lines.add(findings.toString());
    StringBuilder versions = new StringBuilder("versions accepted (targets):");
    stats.versions.forEach((v, n) -> versions.append(' ').append(v).append(' ').append(n));
    lines.add(versions.toString());
    long expired = stats.expiry[0];
    lines.add(
        "certificates expired: "
            + expired
            + "; expiring within 7 days: "
            + (stats.expiringWithin(7) - expired)
            + ", 30 days: "
            + (stats.expiringWithin(30) - expired)
            + ", 90 days: "
            + (stats.expiringWithin(90) - expired));
    stats.soonest.items().stream()
        .limit(FleetStats.SHOWN)
        .forEach(
            r ->
                lines.add(
                    "  "
                        + r.daysLeft()
                        + " d  "
                        + r.name()
                        + "  "
                        + r.notAfter()
                        + "  "
                        + r.subject()));
    shared(lines, "the same certificate on several targets: ", stats.shared());
    shared(lines, "the same key on several targets: ", stats.sharedKeys());
    lines.add(
        "names whose addresses serve different certificates: "
            + (stats.splitNames.isEmpty() ? "none" : ""));
    stats.splitNames.entrySet().stream()
        .limit(FleetStats.SHOWN)
        .forEach(e -> lines.add("  " + e.getKey() + "  " + String.join(" ", e.getValue())));
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(SafeText.forTerminal(line.stripTrailing())).append('\n'));
    return text.toString();
  }

  /** One "the same ... on several targets" view: its heading, then a line per fingerprint. */
  private static void shared(
      List<String> lines, String heading, List<Map.Entry<FleetStats.Shared, Long>> shared) {
    lines.add(heading + (shared.isEmpty() ? "none" : ""));
    shared.forEach(
        e ->
            lines.add(
                "  " + e.getValue() + " targets  " + e.getKey().subject() + "  " + e.getKey().sha256()));
  }
}
