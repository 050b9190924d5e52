package io.tlsscan.probe.jarm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hex digests of text, as the fingerprints print them. */
final class Digests {
  private Digests() {}

  static String sha256Hex(String text) {
    return hex("SHA-256", text);
  }

  static String md5Hex(String text) {
    return hex("MD5", text);
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
  }
}
