package io.tlsscan.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one CSV row per target and finding (a target without findings has no row), with the
 * conventions of {@link CsvReportWriter} (RFC 4180, formula injection neutralised):
 *
 * <pre>
 * host, port, ip, id, severity, message, policy, input, line
 * </pre>
 */
public final class FindingsCsvReportWriter extends RecordTreeWriter {
  private static final List<String> HEADER =
      List.of("host", "port", "ip", "id", "severity", "message", "policy", "input", "line");

  private SequenceWriter rows;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public FindingsCsvReportWriter(OutputStream out) {
    super(out, "findings CSV");
  }

  @Override
  protected void write(ScanRecord record) throws IOException {
    ScanRecord.Target target = record.target();
    for (ScanRecord.Finding f : record.findings()) {
      rows()
          .write(
              Stream.of(
                      target.host(),
                      target.port(),
                      target.ip(),
                      f.id(),
                      f.severity().wireName(),
                      f.message(),
                      f.policy(),
                      target.input(),
                      target.line())
                  .map(CsvReportWriter::cell)
                  .toList());
    }
  }

  @Override
  public void flush() throws IOException {
    rows().flush();
  }

  @Override
  protected void finish() throws IOException {
    rows().close();
  }

  private SequenceWriter rows() throws IOException {
    if (rows == null) {
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(false);
      HEADER.forEach(schema::addColumn);
      rows = CsvReportWriter.CSV.writer(schema.build()).writeValues(out);
      rows.write(HEADER);
    }
    return rows;
  }
}
