package io.tlsscan.report;

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
public final class JsonArrayReportWriter extends StreamReportWriter {
  private static final byte[] FIRST = "[\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n]\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY = "[]\n".getBytes(StandardCharsets.US_ASCII);

  private boolean started;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public JsonArrayReportWriter(OutputStream out) {
    super(out, "JSON array");
  }

  @Override
  protected void writeRecord(HostReport report) throws IOException {
    byte[] separator = started ? NEXT : FIRST;
    byte[] json = RecordJson.toBytes(report);
    byte[] chunk = new byte[separator.length + json.length];
    System.arraycopy(separator, 0, chunk, 0, separator.length);
    System.arraycopy(json, 0, chunk, separator.length, json.length);
    out.write(chunk);
    started = true;
  }

  @Override
  protected void finish() throws IOException {
    out.write(started ? END : EMPTY);
  }
}
