package io.tlsscan.probe.jarm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a server's first bytes after a JARM hello into the answer string {@code
 * cipher|version|alpn|extensions} (e.g. {@code c02f|0303|h2|ff01-0000-0001-000b-0023-0010}) exactly
 * as the reference implementation (salesforce/jarm, {@code jarm.py}) does, quirks included: the
 * fields are read at fixed offsets without checking lengths, the version is the ServerHello's
 * legacy version, and the reference's error paths give the empty answer {@code |||} (an alert, no
 * ServerHello, bytes cut short in the wrong place) or {@code cipher|version||||} (its "|||"
 * appended when the extensions cannot be read).
 */
final class JarmAnswer {
  /** The answer to a hello the server did not answer with a ServerHello. */
  static final String EMPTY = "|||";

  /** How many bytes of the answer the reference reads (its one {@code recv}). */
  static final int MAX_BYTES = 1484;

  private static final HexFormat HEX = HexFormat.of();
  private static final int EXT_ALPN = 0x0010;

  private JarmAnswer() {}

  /** The answer string of {@code data}, the server's first bytes (possibly none). */
  static String read(byte[] data) {
    Bytes bytes = new Bytes(data);
    try {
      if (bytes.at(0) == 21) {
        return EMPTY;
      }
      if (bytes.at(0) != 22 || bytes.at(5) != 2) {
        return EMPTY;
      }
      int sessionIdLength = bytes.at(43);
      String cipher = HEX.formatHex(bytes.slice(sessionIdLength + 44, sessionIdLength + 46));
      String version = HEX.formatHex(bytes.slice(9, 11));
      return cipher + "|" + version + "|" + extensions(bytes, sessionIdLength);
    } catch (IndexOutOfBoundsException | MalformedAnswer e) {
      return EMPTY;
    }
  }

  /** {@code alpn|type-type-...}, or the reference's "|||" when an index runs past the data. */
  private static String extensions(Bytes data, int counter) throws MalformedAnswer {
    try {
      if (data.at(counter + 47) == 11) {
        return EMPTY;
      }
      if (data.sliceEquals(counter + 50, counter + 53, 0x0e, 0xac, 0x0b)
          || data.sliceEquals(82, 85, 0x0f, 0xf0, 0x0b)) {
        return EMPTY;
      }
      int count = counter + 49;
      int maximum = data.number(counter + 47, counter + 49) + count - 1;
      List<byte[]> types = new ArrayList<>();
      List<byte[]> values = new ArrayList<>();
      while (count < maximum) {
        types.add(data.slice(count, count + 2));
        int length = data.number(count + 2, count + 4);
        if (length == 0) {
          values.add(null);
          count += 4;
        } else {
          values.add(data.slice(count + 4, count + 4 + length));
          count += length + 4;
        }
      }
      List<String> hexTypes = new ArrayList<>();
      types.forEach(type -> hexTypes.add(HEX.formatHex(type)));
      return alpn(types, values) + "|" + String.join("-", hexTypes);
    } catch (IndexOutOfBoundsException e) {
      return EMPTY;
    }
  }

  /**
   * The first ALPN extension's value from its fourth byte on, as UTF-8: the protocol name when the
   * server sent one. An empty ALPN extension or bytes that are no UTF-8 make the reference give up
   * on the whole answer.
   */
  private static String alpn(List<byte[]> types, List<byte[]> values) throws MalformedAnswer {
    for (int i = 0; i < types.size(); i++) {
      byte[] type = types.get(i);
      if (type.length == 2 && ((type[0] & 0xff) << 8 | (type[1] & 0xff)) == EXT_ALPN) {
        byte[] value = values.get(i);
        if (value == null) {
          throw new MalformedAnswer();
        }
        try {
          return StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(
                  ByteBuffer.wrap(value, Math.min(3, value.length), Math.max(0, value.length - 3)))
              .toString();
        } catch (CharacterCodingException e) {
          throw new MalformedAnswer();
        }
      }
    }
    return "";
  }

  /** The reference gives up on the whole answer (an error its extension reader does not catch). */
  private static final class MalformedAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedAnswer() {
      super(null, null, false, false);
    }
  }

  /** The data with the reference's indexing: an index past the end fails, a slice is cut short. */
  private record Bytes(byte[] data) {
    int at(int index) {
      if (index < 0 || index >= data.length) {
        throw new IndexOutOfBoundsException(index);
      }
      return data[index] & 0xff;
    }

    byte[] slice(int from, int to) {
      int start = Math.min(from, data.length);
      int end = Math.max(start, Math.min(to, data.length));
      byte[] out = new byte[end - start];
      System.arraycopy(data, start, out, 0, out.length);
      return out;
    }

    boolean sliceEquals(int from, int to, int... expected) {
      byte[] slice = slice(from, to);
      if (slice.length != expected.length) {
        return false;
      }
      for (int i = 0; i < slice.length; i++) {
        if ((slice[i] & 0xff) != expected[i]) {
          return false;
        }
      }
      return true;
    }

    /** The big-endian number in a slice of one or two bytes; an empty slice is not a number. */
    int number(int from, int to) throws MalformedAnswer {
      byte[] slice = slice(from, to);
      if (slice.length == 0) {
        throw new MalformedAnswer();
      }
      int value = 0;
      for (byte b : slice) {
        value = value << 8 | (b & 0xff);
      }
      return value;
    }
  }
}
