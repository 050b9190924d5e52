package io.tlsscan.report;

import io.tlsscan.model.HostReport;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes scan records to a stream, one {@link HostReport} at a time, in one {@link ReportFormat}.
 * Each record is flushed as soon as it is written, so a reader (or a crash) sees whole records.
 *
 * <p>{@link #close()} finishes the document (e.g. the closing {@code ]} of a JSON array) and
 * flushes, but does not close the underlying stream: whoever opened it closes it. Writing after
 * {@code close()} throws {@link IllegalStateException}. Writers are not thread-safe; call them from
 * one thread at a time (a Reactor {@code Flux} delivers its elements that way).
 */
public interface ReportWriter extends Closeable {

  /**
   * Writes one record and flushes it.
   *
   * @throws IOException when the underlying stream fails
   * @throws IllegalStateException when the writer is closed
   */
  void write(HostReport report) throws IOException;
}
