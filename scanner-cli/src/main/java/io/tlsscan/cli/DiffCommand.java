package io.tlsscan.cli;

import io.tlsscan.model.Severity;
import io.tlsscan.report.diff.DiffWriter;
import io.tlsscan.report.diff.ScanDiff;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code tlsscan diff}: what changed between two saved scans, per target. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two JSON Lines scans target by target: new and resolved findings, rotated"
          + " certificates, versions and suites added or removed, targets that appeared,"
          + " vanished, started failing or recovered.",
      "Targets are matched by host, port and STARTTLS protocol (by address too when a name has"
          + " several records, as with --all-ips). Scans of any size: both are sorted on disk."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  tlsscan diff yesterday.jsonl today.jsonl",
      "  tlsscan diff -f jsonl old.jsonl new.jsonl | jq 'select(.worse) | .target.host'",
      "",
      "Exit codes: 0 nothing got worse, 1 something got worse (a target vanished or started",
      "failing, or has a new finding of --fail-on severity or above), 2 usage error, a scan that",
      "cannot be read, or lines that are not records (named on stderr; the rest is compared)."
    })
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier scan (JSON Lines).")
  Path oldScan;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later scan (JSON Lines).")
  Path newScan;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the changes to FILE instead of stdout.")
  Path output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      converter = FormatName.class,
      description =
          "jsonl (one object per changed target) or text (default: text when stdout is a terminal"
              + " and no -o is given, jsonl otherwise).")
  DiffWriter.Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "high",
      converter = SeverityName.class,
      description =
          "New findings of this severity or above make a target worse: info, low, medium, high,"
              + " critical (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(
      names = "--temp-dir",
      paramLabel = "DIR",
      description = "Where the sort of large scans writes its runs (default: the system's).")
  Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));

  @Option(
      names = {"-q", "--quiet"},
      description = "No summary line on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    MalformedLines malformed = new MalformedLines(System.err);
    DiffSummary summary = new DiffSummary(failOn);
    ScanDiff.Tally tally;
    try (OutputStream out =
        new BufferedOutputStream(
            output == null
                ? new FileOutputStream(FileDescriptor.out)
                : OutputOptions.open(output, false),
            1 << 16)) {
      DiffWriter writer = format().open(out, failOn);
      tally =
          new ScanDiff(tempDir, malformed)
              .compare(
                  oldScan,
                  newScan,
                  diff -> {
                    writer.write(diff);
                    summary.add(diff);
                  });
    }
    malformed.finish();
    if (!quiet) {
      System.err.println("tlsscan: " + summary.line(tally, malformed.count()));
    }
    if (summary.worse() > 0) {
      return ExitCodes.WORSE;
    }
    return malformed.count() > 0 ? ExitCodes.USAGE : ExitCodes.OK;
  }

  private DiffWriter.Format format() {
    if (format != null) {
      return format;
    }
    return output == null && Terminal.stdoutIsTerminal()
        ? DiffWriter.Format.TEXT
        : DiffWriter.Format.JSONL;
  }

  /** {@code jsonl} or {@code text}, any case. */
  static final class FormatName implements ITypeConverter<DiffWriter.Format> {
    @Override
    public DiffWriter.Format convert(String name) {
      for (DiffWriter.Format format : DiffWriter.Format.values()) {
        if (format.cliName().equalsIgnoreCase(name.trim())) {
          return format;
        }
      }
      throw new TypeConversionException("'" + name + "' is not jsonl or text");
    }
  }

  /** A severity by its record name, any case. */
  static final class SeverityName implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String name) {
      for (Severity severity : Severity.values()) {
        if (severity.wireName().equalsIgnoreCase(name.trim())) {
          return severity;
        }
      }
      throw new TypeConversionException(
          "'" + name + "' is not a severity (info, low, medium, high, critical)");
    }
  }
}
