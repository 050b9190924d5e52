package io.tlsscan.report;

import io.tlsscan.report.fleet.FleetStats;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The output formats of a scan, and the factory of their writers. {@link #HTML}, {@link
 * #PROMETHEUS} and {@link #JUNIT} are documents whose head depends on every record: they reach the
 * stream whole on {@code close()}, not record by record on {@code flush()}.
 */
public enum ReportFormat {
  /** A compact human view, one block per target ({@link TextReportWriter}). */
  TEXT,
  /** JSON Lines: one record per line ({@link JsonLinesReportWriter}); the default for machines. */
  JSONL,
  /** One JSON array of records, streamed ({@link JsonArrayReportWriter}). */
  JSON,
  /** A header and one row per target ({@link CsvReportWriter}). */
  CSV,
  /**
   * One self-contained page with charts and a host table, written at the end ({@link
   * HtmlReportWriter}).
   */
  HTML,
  /** Prometheus textfile-collector metrics per target ({@link PrometheusReportWriter}). */
  PROMETHEUS,
  /** JUnit XML, a test case per target ({@link JunitReportWriter}). */
  JUNIT,
  /** One CSV row per target and finding ({@link FindingsCsvReportWriter}). */
  FINDINGS_CSV;

  private static final int BUFFER_BYTES = 64 * 1024;

  /** The name used on the command line, e.g. {@code jsonl}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether {@link #openForRecords} can write this format from saved JSON records. */
  public boolean readsRecords() {
    return ordinal() >= HTML.ordinal();
  }

  /**
   * The format named {@code name} by its {@link #cliName()}, any case.
   *
   * @throws IllegalArgumentException naming the input and the known formats when none matches
   */
  public static ReportFormat fromName(String name) {
    Objects.requireNonNull(name, "name");
    return Arrays.stream(values())
        .filter(f -> f.cliName().equalsIgnoreCase(name.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown report format: '"
                        + name
                        + "' (known: "
                        + Arrays.stream(values())
                            .map(ReportFormat::cliName)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** A writer of this format on {@code out}, without ANSI colours. */
  public ReportWriter open(OutputStream out) throws IOException {
    return open(out, false);
  }

  /**
   * A writer of this format on {@code out}, through a buffer of {@value #BUFFER_BYTES} bytes that
   * gives up at the first failure of {@code out} (see {@link ReportBuffer}).
   *
   * @param ansiColours colour the verdicts of the {@link #TEXT} view; ignored by the other formats
   */
  public ReportWriter open(OutputStream out, boolean ansiColours) throws IOException {
    Objects.requireNonNull(out, "out");
    OutputStream buffered = new ReportBuffer(out, BUFFER_BYTES);
    return switch (this) {
      case TEXT -> new TextReportWriter(buffered, ansiColours);
      case JSONL -> new JsonLinesReportWriter(buffered);
      case JSON -> new JsonArrayReportWriter(buffered);
      case CSV -> new CsvReportWriter(buffered);
      default -> openForRecords(out, FleetStats.DEFAULT_MAX_ROWS);
    };
  }

  /**
   * A writer of this format that also takes saved JSON records, for the formats that {@link
   * #readsRecords()}.
   *
   * @param maxRows the HTML host table's rows at most
   * @throws IllegalArgumentException for a format that needs the scanner's model
   */
  public RecordTreeWriter openForRecords(OutputStream out, int maxRows) throws IOException {
    OutputStream buffered = new ReportBuffer(Objects.requireNonNull(out, "out"), BUFFER_BYTES);
    return switch (this) {
      case HTML -> new HtmlReportWriter(buffered, maxRows);
      case PROMETHEUS -> new PrometheusReportWriter(buffered);
      case JUNIT -> new JunitReportWriter(buffered);
      case FINDINGS_CSV -> new FindingsCsvReportWriter(buffered);
      default -> throw new IllegalArgumentException(cliName() + " is written during a scan only");
    };
  }
}
