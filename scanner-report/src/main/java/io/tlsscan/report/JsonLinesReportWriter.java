package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes JSON Lines: one {@link RecordJson record} per line, terminated by {@code \n}. Each line is
 * built whole in memory and handed to the stream in a single write, so a crash leaves at most one
 * partial last line and {@code --resume} can trust every complete one.
 */
public final class JsonLinesReportWriter implements ReportWriter {
  private final OutputStream out;
  private boolean closed;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public JsonLinesReportWriter(OutputStream out) {
    this.out = requireNonNull(out, "out");
  }

  @Override
  public void write(HostReport report) throws IOException {
    requireNonNull(report, "report");
    if (closed) {
      throw new IllegalStateException("JSON Lines writer is closed");
    }
    byte[] json = RecordJson.toBytes(report);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    out.write(line);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.flush();
    }
  }
}
