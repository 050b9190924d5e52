package io.tlsscan.target;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Splits a byte stream into lines in bounded memory. LF ends a line and a CR before it is dropped;
 * a last line without LF counts. Of a line longer than the limit only the first bytes are kept and
 * the rest is skipped without being buffered. Not thread-safe.
 */
final class LineReader implements Closeable {
  private static final int CHUNK_BYTES = 8192;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private final byte[] line;
  private int chunkPosition;
  private int chunkLimit;
  private int lineLength;
  private boolean overflowed;
  private long lineNumber;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.line = new byte[maxLineBytes + 1];
  }

  /**
   * Reads the next line; {@link #bytes()}, {@link #tooLong()} and {@link #lineNumber()} then
   * describe it until the next call. Blocks while the stream does.
   *
   * @return false at the end of the stream
   */
  boolean next() throws IOException {
    lineLength = 0;
    overflowed = false;
    boolean started = false;
    while (true) {
      if (chunkPosition == chunkLimit && !fill()) {
        if (!started) {
          return false;
        }
        break;
      }
      started = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? chunkLimit : newline;
      keep(chunkPosition, end - chunkPosition);
      chunkPosition = newline < 0 ? chunkLimit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    if (!overflowed && lineLength > 0 && line[lineLength - 1] == '\r') {
      lineLength--;
    }
    lineNumber++;
    return true;
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Whether the current line has more than the allowed bytes. */
  boolean tooLong() {
    return overflowed || lineLength > maxLineBytes;
  }

  /** The current line (at most the allowed bytes of it), valid until the next call to next(). */
  ByteBuffer bytes() {
    return ByteBuffer.wrap(line, 0, Math.min(lineLength, maxLineBytes)).asReadOnlyBuffer();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads the next chunk; false at the end (a stream that returns no bytes counts as ended). */
  private boolean fill() throws IOException {
    int read = in.read(chunk, 0, chunk.length);
    chunkPosition = 0;
    chunkLimit = Math.max(read, 0);
    return read > 0;
  }

  private int indexOfNewline() {
    for (int i = chunkPosition; i < chunkLimit; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Copies bytes into the line while there is room; one byte past the limit marks it too long. */
  private void keep(int from, int count) {
    int copied = Math.min(count, line.length - lineLength);
    System.arraycopy(chunk, from, line, lineLength, copied);
    lineLength += copied;
    overflowed |= copied < count;
  }
}
