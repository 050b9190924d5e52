package io.tlsscan.scan;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Plays a server of another kind on the ClientHellos that match a test: counts them, and lets them
 * through, refuses them with a fatal handshake_failure alert, or leaves them unanswered until the
 * client gives up. Every other connection is let through.
 */
final class HelloGate implements FirstBytesRelay.Gate {
  /** What becomes of a matching hello. */
  private enum Action {
    ADMIT,
    REFUSE,
    IGNORE
  }

  private static final int EXTENSION_ALPN = 16;
  private static final int EXTENSION_SUPPORTED_VERSIONS = 43;
  private static final int EXTENSION_KEY_SHARE = 51;
  private static final byte[] HANDSHAKE_FAILURE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  private final Predicate<Map<Integer, ByteBuffer>> matches;
  private final Action action;
  private final AtomicInteger matched = new AtomicInteger();

  /**
   * @param matches the test, on the hello's extensions by type (a hello without extensions has
   *     none)
   */
  private HelloGate(Predicate<Map<Integer, ByteBuffer>> matches, Action action) {
    this.matches = matches;
    this.action = action;
  }

  /** Counts the hellos that match and lets them through. */
  static HelloGate admitting(Predicate<Map<Integer, ByteBuffer>> matches) {
    return new HelloGate(matches, Action.ADMIT);
  }

  /** Refuses the hellos that match with a fatal handshake_failure alert. */
  static HelloGate refusing(Predicate<Map<Integer, ByteBuffer>> matches) {
    return new HelloGate(matches, Action.REFUSE);
  }

  /** Leaves the hellos that match unanswered until the client gives up. */
  static HelloGate ignoring(Predicate<Map<Integer, ByteBuffer>> matches) {
    return new HelloGate(matches, Action.IGNORE);
  }

  /** Whether the key_share extension is there and holds no share (a HelloRetryRequest is asked). */
  static boolean withoutKeyShare(Map<Integer, ByteBuffer> extensions) {
    ByteBuffer keyShare = extensions.get(EXTENSION_KEY_SHARE);
    return keyShare != null && keyShare.getShort(0) == 0;
  }

  /** Whether the supported_versions extension offers TLS 1.3 and nothing else. */
  static boolean offersTls13Alone(Map<Integer, ByteBuffer> extensions) {
    ByteBuffer versions = extensions.get(EXTENSION_SUPPORTED_VERSIONS);
    return versions != null
        && versions.remaining() == 3
        && versions.get(0) == 2
        && versions.getShort(1) == 0x0304;
  }

  /** The protocols the ALPN extension offers; none without it. */
  static List<String> applicationProtocols(Map<Integer, ByteBuffer> extensions) {
    ByteBuffer alpn = extensions.get(EXTENSION_ALPN);
    List<String> names = new ArrayList<>();
    if (alpn != null) {
      ByteBuffer list = alpn.duplicate().position(2);
      while (list.hasRemaining()) {
        byte[] name = new byte[list.get() & 0xff];
        list.get(name);
        names.add(new String(name, StandardCharsets.US_ASCII));
      }
    }
    return names;
  }

  /** How many hellos matched. */
  int matched() {
    return matched.get();
  }

  @Override
  public byte[] admit(DataInputStream fromClient, Socket client) throws IOException {
    byte[] record = new byte[5];
    fromClient.readFully(record, 0, 5);
    int length = ((record[3] & 0xff) << 8) | (record[4] & 0xff);
    record = Arrays.copyOf(record, 5 + length);
    fromClient.readFully(record, 5, length);
    if (record[0] != 22 || !matches.test(extensions(ByteBuffer.wrap(record, 5, length).slice()))) {
      return record;
    }
    matched.incrementAndGet();
    switch (action) {
      case REFUSE -> client.getOutputStream().write(HANDSHAKE_FAILURE);
      case IGNORE -> fromClient.transferTo(OutputStream.nullOutputStream());
      case ADMIT -> {
        return record;
      }
    }
    return null;
  }

  /** The extensions of the ClientHello in {@code hello}, by type. */
  private static Map<Integer, ByteBuffer> extensions(ByteBuffer hello) {
    Map<Integer, ByteBuffer> extensions = new HashMap<>();
    hello.position(4 + 2 + 32); // handshake header, legacy_version, random
    skip(hello, hello.get() & 0xff); // session id
    skip(hello, hello.getShort() & 0xffff); // cipher suites
    skip(hello, hello.get() & 0xff); // compression methods
    if (!hello.hasRemaining()) {
      return extensions;
    }
    int end = hello.position() + 2 + (hello.getShort() & 0xffff);
    while (hello.position() < end) {
      int type = hello.getShort() & 0xffff;
      int length = hello.getShort() & 0xffff;
      extensions.put(type, hello.slice(hello.position(), length));
      skip(hello, length);
    }
    return extensions;
  }

  private static void skip(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
  }
}
