package io.tlsscan.report;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes JSON Lines: one {@link RecordJson record} per line, terminated by {@code \n}. Each line is
 * built whole in memory and handed to the stream in a single write, so a crash leaves at most one
 * partial last line and {@code --resume} can trust every complete one.
 */
public final class JsonLinesReportWriter extends StreamReportWriter {

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public JsonLinesReportWriter(OutputStream out) {
    super(out, "JSON Lines");
  }

  @Override
  protected void writeRecord(HostReport report) throws IOException {
    byte[] json = RecordJson.toBytes(report);
    byte[] line = Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    out.write(line);
  }
}
