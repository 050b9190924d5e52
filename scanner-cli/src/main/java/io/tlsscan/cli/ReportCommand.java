package io.tlsscan.cli;

import io.tlsscan.report.RecordTreeWriter;
import io.tlsscan.report.ReportFormat;
import io.tlsscan.report.fleet.FleetStats;
import io.tlsscan.report.fleet.FleetSummary;
import io.tlsscan.report.saved.RecordLine;
import io.tlsscan.report.saved.RecordReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsscan report}: turns a saved scan into an HTML page, metrics, JUnit XML or CSV. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a saved JSON Lines scan into a report, reading it as a stream.",
      "html: one self-contained page with charts, fleet views and a sortable, filterable host"
          + " table. prometheus: textfile-collector metrics. junit: a test case per target."
          + " findings-csv: a row per target and finding."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  tlsscan report scan.jsonl -f html -o report.html",
      "  tlsscan report scan.jsonl -f prometheus -o /var/lib/node_exporter/tlsscan.prom",
      "  tlsscan report scan.jsonl --summary",
      "",
      "Exit codes: 0 report written, 2 usage error, a scan or output that cannot be used, or",
      "lines that are not records (named on stderr; the report covers the others)."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SCAN", description = "The saved scan (JSON Lines); - reads stdin.")
  String scan;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "html",
      description = "html, prometheus, junit or findings-csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE (default: stdout, unless --summary is given).")
  Path output;

  @Option(
      names = "--summary",
      description =
          "Print the fleet views on stdout: counts, versions, certificates expiring within 7/30/90"
              + " days, certificates shared by several targets, names whose addresses serve"
              + " different certificates. A report is written too when -o is given.")
  boolean summary;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "" + FleetStats.DEFAULT_MAX_ROWS,
      description = "Rows of the HTML host table: the N worst targets (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Override
  public Integer call() throws IOException {
    ReportFormat chosen = format();
    if (maxRows < 1) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 1");
    }
    MalformedLines malformed = new MalformedLines(System.err);
    FleetStats stats = new FleetStats(maxRows);
    boolean writeReport = output != null || !summary;
    try (RecordReader reader =
            scan.equals("-")
                ? new RecordReader(System.in, "stdin")
                : RecordReader.open(Path.of(scan));
        OutputStream out = writeReport ? open() : OutputStream.nullOutputStream();
        RecordTreeWriter writer = chosen.openForRecords(out, maxRows)) {
      RecordLine line;
      while ((line = reader.next()) != null) {
        if (line instanceof RecordLine.Parsed parsed) {
          writer.write(parsed.tree());
          if (summary) {
            stats.add(parsed.record());
          }
        } else {
          RecordLine.Malformed bad = (RecordLine.Malformed) line;
          malformed.accept(reader.name() + ":" + bad.number() + ": " + bad.problem());
        }
      }
    }
    malformed.finish();
    if (summary) {
      System.out.write(FleetSummary.text(stats).getBytes(StandardCharsets.UTF_8));
      System.out.flush();
    }
    return malformed.count() > 0 ? ExitCodes.USAGE : ExitCodes.OK;
  }

  private ReportFormat format() {
    try {
      ReportFormat chosen = ReportFormat.fromName(format);
      if (!chosen.readsRecords()) {
        throw new IllegalArgumentException(
            "'" + format + "' is not a report format (html, prometheus, junit, findings-csv)");
      }
      return chosen;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }

  private OutputStream open() throws IOException {
    return output == null
        ? new FileOutputStream(FileDescriptor.out)
        : OutputOptions.open(output, false);
  }
}
