package io.tlsscan.probe.jarm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Encodings of ClientHello extension data the fingerprinting hellos share. */
final class ExtensionBytes {
  static final int SERVER_NAME = 0x0000;
  static final int MAX_FRAGMENT_LENGTH = 0x0001;
  static final int SUPPORTED_GROUPS = 0x000a;
  static final int EC_POINT_FORMATS = 0x000b;
  static final int SIGNATURE_ALGORITHMS = 0x000d;
  static final int ALPN = 0x0010;
  static final int EXTENDED_MASTER_SECRET = 0x0017;
  static final int SESSION_TICKET = 0x0023;
  static final int SUPPORTED_VERSIONS = 0x002b;
  static final int PSK_KEY_EXCHANGE_MODES = 0x002d;
  static final int KEY_SHARE = 0x0033;
  static final int RENEGOTIATION_INFO = 0xff01;

  private ExtensionBytes() {}

  /** server_name with one host_name entry (RFC 6066 §3), the name sent as it is. */
  static byte[] serverName(String name) {
    byte[] host = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeShort(out, host.length + 3);
    out.write(0);
    writeShort(out, host.length);
    out.writeBytes(host);
    return out.toByteArray();
  }

  /** Protocol names, each with its one-byte length, run together (an ALPN list's entries). */
  static byte[] protocols(String... names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : names) {
      byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
      out.write(bytes.length);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  /** A list of 16-bit values behind a two-byte length. */
  static byte[] shorts(List<Integer> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeShort(out, values.size() * 2);
    values.forEach(value -> writeShort(out, value));
    return out.toByteArray();
  }

  /**
   * 32 random bytes as an x25519 key share. Any u-coordinate is a public key a server can use (RFC
   * 7748 section 5 has it mask the unused top bit), but some (wolfSSL) refuse one with that bit
   * set, so it is clear.
   */
  static byte[] x25519PublicKey(Random random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    key[31] &= 0x7f;
    return key;
  }

  /** {@code data} behind a two-byte length. */
  static byte[] withLength(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeShort(out, data.length);
    out.writeBytes(data);
    return out.toByteArray();
  }

  static void writeShort(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value);
  }
}
