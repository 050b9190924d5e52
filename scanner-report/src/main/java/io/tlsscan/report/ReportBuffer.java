package io.tlsscan.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The buffer in front of a report's stream, which gives up at the first failure of that stream: it
 * drops the bytes it held and, from then on, everything it is given. A full disk or a closed pipe
 * is thus reported once, by the call that met it, and a later flush (e.g. on close) can neither
 * report it again nor put the rest of a torn record after a gap in the file.
 */
final class ReportBuffer extends BufferedOutputStream {
  private boolean failed;

  ReportBuffer(OutputStream out, int size) {
    super(out, size);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (failed) {
      return;
    }
    try {
      super.write(b);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (failed) {
      return;
    }
    try {
      super.write(b, off, len);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    if (failed) {
      return;
    }
    try {
      super.flush();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private IOException fail(IOException e) {
    failed = true;
    count = 0;
    return e;
  }
}
