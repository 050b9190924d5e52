package io.tlsscan.report;

import io.tlsscan.model.HostReport;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/**
 * Writes scan records to a stream, one {@link HostReport} at a time, in one {@link ReportFormat}.
 * Records are written whole, in order; they reach the stream at the latest on {@link #flush()}, so
 * a crash loses at most the records written since the last flush, and leaves at most one partial
 * last record. A scan flushes whenever it has written every record that is ready, so a reader of a
 * slow scan sees each record at once, and a fast one is not a system call per record.
 *
 * <p>{@link #close()} finishes the document (e.g. the closing {@code ]} of a JSON array) and
 * flushes, but does not close the underlying stream: whoever opened it closes it. Writing after
 * {@code close()} throws {@link IllegalStateException}. Writers are not thread-safe; call them from
 * one thread at a time (a Reactor {@code Flux} delivers its elements that way).
 */
public interface ReportWriter extends Closeable, Flushable {

  /**
   * Writes one record, possibly into a buffer until {@link #flush()}.
   *
   * @throws IOException when the underlying stream fails
   * @throws IllegalStateException when the writer is closed
   */
  void write(HostReport report) throws IOException;
}
