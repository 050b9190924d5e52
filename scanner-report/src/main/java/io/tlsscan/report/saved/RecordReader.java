package io.tlsscan.report.saved;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a JSON Lines scan one line at a time: each non-blank line is a {@link RecordLine.Parsed}
 * record or a {@link RecordLine.Malformed} one that says what was wrong, so one bad line does not
 * stop a reader. Memory holds one line at a time.
 */
public final class RecordReader implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final BufferedReader lines;
  private long number;

  /**
   * @param name what messages call the input, e.g. its path
   */
  public RecordReader(InputStream in, String name) {
    this.name = requireNonNull(name, "name");
    this.lines =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
            1 << 16);
  }

  /**
   * Opens {@code file}.
   *
   * @throws IOException naming the file when it cannot be opened
   */
  public static RecordReader open(Path file) throws IOException {
    try {
      return new RecordReader(Files.newInputStream(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** What messages call the input. */
  public String name() {
    return name;
  }

  /** The next non-blank line, or {@code null} at the end of the input. */
  public RecordLine next() throws IOException {
    String text;
    do {
      text = lines.readLine();
      number++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new RecordLine.Malformed(number, "not JSON: " + e.getOriginalMessage());
    }
    try {
      return new RecordLine.Parsed(number, text, tree, ScanRecord.of(tree));
    } catch (IllegalArgumentException e) {
      return new RecordLine.Malformed(number, "not a record: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
