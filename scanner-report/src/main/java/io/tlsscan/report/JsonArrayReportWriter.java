package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one JSON array of {@link RecordJson records}, streamed: each record is written (one per
 * line) as it comes, and {@link #close()} writes the closing {@code ]}. The output is valid JSON
 * once closed, {@code []} when there were no records:
 *
 * <pre>
 * [
 * {"target":…},
 * {"target":…}
 * ]
 * </pre>
 */
public final class JsonArrayReportWriter implements ReportWriter {
  private static final byte[] FIRST = "[\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n]\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY = "[]\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private boolean started;
  private boolean closed;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public JsonArrayReportWriter(OutputStream out) {
    this.out = requireNonNull(out, "out");
  }

  @Override
  public void write(HostReport report) throws IOException {
    requireNonNull(report, "report");
    if (closed) {
      throw new IllegalStateException("JSON array writer is closed");
    }
    byte[] separator = started ? NEXT : FIRST;
    byte[] json = RecordJson.toBytes(report);
    byte[] chunk = new byte[separator.length + json.length];
    System.arraycopy(separator, 0, chunk, 0, separator.length);
    System.arraycopy(json, 0, chunk, separator.length, json.length);
    out.write(chunk);
    started = true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.write(started ? END : EMPTY);
      out.flush();
    }
  }
}
