package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsscan.model.HostReport;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A writer built on the JSON record rather than the scanner's model, so it writes a live scan
 * ({@link #write(HostReport)}, through {@link RecordJson#toTree}) and a saved one ({@link
 * #write(JsonNode)}) alike; it sees each record as its {@link ScanRecord} facts.
 */
public abstract class RecordTreeWriter extends StreamReportWriter {

  RecordTreeWriter(OutputStream out, String formatName) {
    super(out, formatName);
  }

  /**
   * Writes one parsed record.
   *
   * @throws IllegalArgumentException when {@code record} is not a record (see {@link
   *     ScanRecord#of})
   */
  public final void write(JsonNode record) throws IOException {
    requireNonNull(record, "record");
    ensureOpen();
    write(ScanRecord.of(record));
  }

  @Override
  protected final void writeRecord(HostReport report) throws IOException {
    write(ScanRecord.of(RecordJson.toTree(report)));
  }

  /** Takes in one record's facts. */
  protected abstract void write(ScanRecord record) throws IOException;
}
