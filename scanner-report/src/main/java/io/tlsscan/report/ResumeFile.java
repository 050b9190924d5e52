package io.tlsscan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tlsscan.target.TargetIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads the JSON Lines output of an earlier, interrupted run for {@code --resume}: which targets
 * already have their record, after cutting off a partial last line left by a crash. Reads the file
 * as a stream (one line at a time), keeping only 8 bytes per record.
 */
public final class ResumeFile {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private ResumeFile() {}

  /**
   * What an earlier run left in a file.
   *
   * @param done the targets that have a record
   * @param records how many whole records the file holds
   * @param repairedBytes bytes of a partial last line that were cut off (0 when none)
   * @param unreadable whole lines that were not records (kept in the file, not counted as done)
   */
  public record State(TargetIdentity.Set done, long records, long repairedBytes, long unreadable) {}

  /**
   * Repairs {@code file} (cuts a partial last line) and reads which targets it holds. A missing
   * file is an empty state.
   *
   * @throws IOException when the file exists but cannot be read or repaired
   */
  public static State load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new State(TargetIdentity.Set.of(new long[0], 0), 0, 0, 0);
    }
    long repaired = cutPartialLastLine(file);
    long[] identities = new long[1024];
    int count = 0;
    long unreadable = 0;
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        int start = 0;
        for (int i = 0; i < read; i++) {
          if (buffer[i] != '\n') {
            continue;
          }
          if (line.size() + i - start <= MAX_LINE_BYTES) {
            line.write(buffer, start, i - start);
          }
          start = i + 1;
          if (line.size() > 0) {
            Long identity = identityOf(line.toByteArray());
            if (identity == null) {
              unreadable++;
            } else {
              if (count == identities.length) {
                identities = Arrays.copyOf(identities, count * 2);
              }
              identities[count++] = identity;
            }
          }
          line.reset();
        }
        if (line.size() + read - start <= MAX_LINE_BYTES) {
          line.write(buffer, start, read - start);
        }
      }
    }
    return new State(TargetIdentity.Set.of(identities, count), count, repaired, unreadable);
  }

  /** Truncates the file after its last newline; returns how many bytes went. */
  private static long cutPartialLastLine(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long end = size;
      ByteBuffer one = ByteBuffer.allocate(1);
      while (end > 0) {
        one.clear();
        channel.read(one, end - 1);
        if (one.get(0) == '\n') {
          break;
        }
        end--;
      }
      if (end < size) {
        channel.truncate(end);
      }
      return size - end;
    }
  }

  /** The identity of the record on one line, or {@code null} when it is not a record. */
  private static Long identityOf(byte[] line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("target")) {
          return targetIdentity(parser);
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Long targetIdentity(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Long line = null;
    String host = null;
    Integer port = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "line" -> line = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
        case "host" -> host = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        case "port" -> port = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
        default -> parser.skipChildren();
      }
    }
    return line == null ? null : TargetIdentity.of(line, host, port);
  }
}
