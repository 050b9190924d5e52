package io.tlsscan.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text put aside in a temporary file until the head that goes before it is known (counts a JUnit
 * suite starts with, the groups of a Prometheus file), so memory does not grow with the scan. The
 * file is removed on {@link #close()}.
 */
final class Spool implements Closeable {
  private final Path file;
  private final Writer writer;

  Spool() throws IOException {
    file = Files.createTempFile("tlsscan-", ".spool");
    writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Appends text. */
  Spool append(String text) throws IOException {
    writer.write(text);
    return this;
  }

  /** Copies everything appended so far to {@code out}. */
  void copyTo(OutputStream out) throws IOException {
    writer.flush();
    Files.copy(file, out);
  }

  @Override
  public void close() throws IOException {
    writer.close();
    Files.deleteIfExists(file);
  }
}
