package io.tlsscan.report;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** The output formats of a scan, and the factory of their writers. */
public enum ReportFormat {
  /** A compact human view, one block per target ({@link TextReportWriter}). */
  TEXT,
  /** JSON Lines: one record per line ({@link JsonLinesReportWriter}); the default for machines. */
  JSONL,
  /** One JSON array of records, streamed ({@link JsonArrayReportWriter}). */
  JSON,
  /** A header and one row per target ({@link CsvReportWriter}). */
  CSV;

  private static final int BUFFER_BYTES = 64 * 1024;

  /** The name used on the command line, e.g. {@code jsonl}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code name} ({@code text}, {@code jsonl}, {@code json} or {@code csv}, any
   * case).
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
  public ReportWriter open(OutputStream out) {
    return open(out, false);
  }

  /**
   * A writer of this format on {@code out}, through a buffer of {@value #BUFFER_BYTES} bytes that
   * gives up at the first failure of {@code out} (see {@link ReportBuffer}).
   *
   * @param ansiColours colour the verdicts of the {@link #TEXT} view; ignored by the other formats
   */
  public ReportWriter open(OutputStream out, boolean ansiColours) {
    Objects.requireNonNull(out, "out");
    OutputStream buffered = new ReportBuffer(out, BUFFER_BYTES);
    return switch (this) {
      case TEXT -> new TextReportWriter(buffered, ansiColours);
      case JSONL -> new JsonLinesReportWriter(buffered);
      case JSON -> new JsonArrayReportWriter(buffered);
      case CSV -> new CsvReportWriter(buffered);
    };
  }
}
