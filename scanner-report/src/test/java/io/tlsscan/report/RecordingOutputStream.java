package io.tlsscan.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Keeps what was written and counts write, flush and close calls. */
final class RecordingOutputStream extends ByteArrayOutputStream {
  int writes;
  int flushes;
  boolean closed;

  @Override
  public synchronized void write(int b) {
    writes++;
    super.write(b);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    writes++;
    super.write(b, off, len);
  }

  @Override
  public void flush() {
    flushes++;
  }

  @Override
  public void close() {
    closed = true;
  }

  String text() {
    return toString(StandardCharsets.UTF_8);
  }
}
