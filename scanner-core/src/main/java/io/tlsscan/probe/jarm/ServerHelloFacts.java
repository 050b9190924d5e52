package io.tlsscan.probe.jarm;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What JA3S and JA4S read from a ServerHello: its legacy version, the chosen suite, the extension
 * types in the order sent, the version chosen in supported_versions and the ALPN protocol.
 *
 * @param legacyVersion the ServerHello's version field (0x0303 for TLS 1.3)
 * @param cipherSuite the chosen suite's code
 * @param extensions the extension types, in order
 * @param selectedVersion the supported_versions value, when the extension is there
 * @param alpn the chosen application protocol, one character per byte (ISO 8859-1), when the
 *     extension is there
 */
record ServerHelloFacts(
    int legacyVersion,
    int cipherSuite,
    List<Integer> extensions,
    OptionalInt selectedVersion,
    Optional<String> alpn) {
  private static final int RECORD_HEADER = 5;
  private static final int EXT_ALPN = 0x0010;
  private static final int EXT_SUPPORTED_VERSIONS = 0x002b;

  ServerHelloFacts {
    extensions = List.copyOf(extensions);
    requireNonNull(selectedVersion, "selectedVersion");
    requireNonNull(alpn, "alpn");
  }

  /**
   * The ServerHello at the start of {@code data}, the server's first bytes; empty when they do not
   * start with a whole, well-formed ServerHello in one handshake record (an alert, say).
   */
  static Optional<ServerHelloFacts> parse(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    try {
      if (in.remaining() < RECORD_HEADER || in.get() != 22) {
        return Optional.empty();
      }
      in.position(3);
      return parseMessage(slice(in, in.getShort() & 0xffff));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The ServerHello message {@code message} (handshake header included); empty when it is not a
   * whole, well-formed one.
   */
  static Optional<ServerHelloFacts> parseMessage(byte[] message) {
    try {
      return parseMessage(ByteBuffer.wrap(message));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<ServerHelloFacts> parseMessage(ByteBuffer in) {
    if ((in.get() & 0xff) != 2) {
      return Optional.empty();
    }
    int length = (in.get() & 0xff) << 16 | (in.getShort() & 0xffff);
    return Optional.of(parseBody(slice(in, length)));
  }

  private static ServerHelloFacts parseBody(ByteBuffer body) {
    int legacyVersion = body.getShort() & 0xffff;
    body.position(body.position() + 32);
    int sessionIdLength = body.get() & 0xff;
    body.position(body.position() + sessionIdLength);
    int cipherSuite = body.getShort() & 0xffff;
    body.get(); // compression method
    List<Integer> extensions = new ArrayList<>();
    OptionalInt selectedVersion = OptionalInt.empty();
    Optional<String> alpn = Optional.empty();
    if (body.hasRemaining()) {
      ByteBuffer all = slice(body, body.getShort() & 0xffff);
      while (all.hasRemaining()) {
        int type = all.getShort() & 0xffff;
        ByteBuffer value = slice(all, all.getShort() & 0xffff);
        extensions.add(type);
        if (type == EXT_SUPPORTED_VERSIONS) {
          selectedVersion = OptionalInt.of(value.getShort() & 0xffff);
        } else if (type == EXT_ALPN) {
          value.getShort(); // protocol list length
          byte[] name = new byte[value.get() & 0xff];
          value.get(name);
          alpn = Optional.of(new String(name, StandardCharsets.ISO_8859_1));
        }
      }
    }
    return new ServerHelloFacts(legacyVersion, cipherSuite, extensions, selectedVersion, alpn);
  }

  /** The next {@code length} bytes as their own buffer; fails when fewer remain. */
  private static ByteBuffer slice(ByteBuffer in, int length) {
    if (in.remaining() < length) {
      throw new IllegalArgumentException("needs " + length + " bytes, " + in.remaining() + " left");
    }
    ByteBuffer slice = in.slice(in.position(), length);
    in.position(in.position() + length);
    return slice;
  }
}
