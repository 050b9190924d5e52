package io.tlsscan.target;

import java.io.Closeable;
import java.io.IOException;
import java.util.stream.Stream;

/** A host list read one line at a time, each line already parsed. */
interface LineSource extends Closeable {

  /** The entries of the next line (often none or one), or {@code null} after the last line. */
  Stream<HostListEntry> nextLine() throws IOException;

  @Override
  default void close() throws IOException {}
}
