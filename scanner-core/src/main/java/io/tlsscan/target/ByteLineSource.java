package io.tlsscan.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * Host-list lines from bytes: strict UTF-8, a byte-order mark at the start of the first line
 * ignored, lines over {@link HostListReader#MAX_LINE_BYTES} reported instead of parsed.
 */
final class ByteLineSource implements LineSource {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final LineReader reader;
  private final TargetParser parser;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

  ByteLineSource(InputStream in, TargetParser parser) {
    this.reader = new LineReader(in, HostListReader.MAX_LINE_BYTES);
    this.parser = parser;
  }

  @Override
  public Stream<HostListEntry> nextLine() throws IOException {
    if (!reader.next()) {
      return null;
    }
    long number = reader.lineNumber();
    ByteBuffer bytes = reader.bytes();
    if (number == 1) {
      skipByteOrderMark(bytes);
    }
    if (reader.tooLong()) {
      return invalid(bytes, number, "line longer than " + HostListReader.MAX_LINE_BYTES + " bytes");
    }
    String text;
    try {
      text = decoder.decode(bytes.duplicate()).toString();
    } catch (CharacterCodingException e) {
      return invalid(bytes, number, "line is not valid UTF-8");
    }
    return parser.parse(text, number);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static Stream<HostListEntry> invalid(ByteBuffer bytes, long number, String reason) {
    String readable = StandardCharsets.UTF_8.decode(bytes).toString().trim();
    return Stream.of(new InvalidTarget(readable, number, reason));
  }

  private static void skipByteOrderMark(ByteBuffer bytes) {
    if (bytes.remaining() < UTF8_BOM.length) {
      return;
    }
    for (int i = 0; i < UTF8_BOM.length; i++) {
      if (bytes.get(bytes.position() + i) != UTF8_BOM[i]) {
        return;
      }
    }
    bytes.position(bytes.position() + UTF8_BOM.length);
  }
}
