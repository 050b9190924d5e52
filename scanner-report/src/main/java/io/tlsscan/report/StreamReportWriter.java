package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What every report writer does the same way: it writes to a stream it does not own, refuses
 * records once closed, and on {@link #close()} finishes its document once and flushes, leaving the
 * stream open. A format supplies how a record is written and, if it has one, its ending.
 */
abstract class StreamReportWriter implements ReportWriter {
  /** The stream the records go to; whoever opened it closes it. */
  protected final OutputStream out;

  private final String formatName;
  private boolean closed;

  /**
   * @param formatName names the format in the error of a write after close, e.g. {@code CSV}
   */
  StreamReportWriter(OutputStream out, String formatName) {
    this.out = requireNonNull(out, "out");
    this.formatName = formatName;
  }

  @Override
  public final void write(HostReport report) throws IOException {
    requireNonNull(report, "report");
    ensureOpen();
    writeRecord(report);
  }

  /** Throws {@link IllegalStateException} once the writer is closed. */
  protected final void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(formatName + " writer is closed");
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public final void close() throws IOException {
    if (!closed) {
      closed = true;
      finish();
      flush();
    }
  }

  /** Writes one record, whole. */
  protected abstract void writeRecord(HostReport report) throws IOException;

  /** Ends the document, before the last flush; nothing by default. */
  protected void finish() throws IOException {}
}
