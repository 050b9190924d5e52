package io.tlsscan.probe.jarm;

import java.util.ArrayList;
import java.util.List;

/**
 * JA3S and JA4S of a ServerHello.
 *
 * <ul>
 *   <li>JA3S (Salesforce): the MD5 of {@code version,cipher,extensions}, the ServerHello's legacy
 *       version and suite in decimal and its extension types in decimal joined by {@code -}, e.g.
 *       {@code 771,49199,65281-0-11-35-16}.
 *   <li>JA4S (FoxIO, {@code technical_details/JA4S.md}): {@code t}, the version (the
 *       supported_versions value if sent, else the legacy version) as {@code 13}, {@code 12},
 *       {@code 11}, {@code 10} or {@code s3}, the number of extensions in two digits, the first and
 *       last character of the ALPN protocol ({@code 00} for none; when either is not alphanumeric,
 *       the first and last hex digit of its bytes), {@code _}, the suite in four hex digits, {@code
 *       _}, the first 12 hex digits of the SHA-256 of the extension types in hex, comma-separated
 *       in the order sent ({@code 000000000000} for none), e.g. {@code t120400_c030_4e8089b08790}.
 * </ul>
 */
final class ServerFingerprints {
  private ServerFingerprints() {}

  static String ja3s(ServerHelloFacts hello) {
    List<String> extensions = new ArrayList<>();
    hello.extensions().forEach(type -> extensions.add(Integer.toString(type)));
    return Digests.md5Hex(
        hello.legacyVersion() + "," + hello.cipherSuite() + "," + String.join("-", extensions));
  }

  static String ja4s(ServerHelloFacts hello) {
    List<String> extensions = new ArrayList<>();
    hello.extensions().forEach(type -> extensions.add(String.format("%04x", type)));
    String hash =
        extensions.isEmpty()
            ? "000000000000"
            : Digests.sha256Hex(String.join(",", extensions)).substring(0, 12);
    return "t"
        + version(hello.selectedVersion().orElse(hello.legacyVersion()))
        + String.format("%02d", Math.min(hello.extensions().size(), 99))
        + alpn(hello.alpn().orElse(""))
        + "_"
        + String.format("%04x", hello.cipherSuite())
        + "_"
        + hash;
  }

  private static String version(int code) {
    return switch (code) {
      case 0x0304 -> "13";
      case 0x0303 -> "12";
      case 0x0302 -> "11";
      case 0x0301 -> "10";
      case 0x0300 -> "s3";
      default -> "00";
    };
  }

  private static String alpn(String protocol) {
    if (protocol.isEmpty()) {
      return "00";
    }
    char first = protocol.charAt(0);
    char last = protocol.charAt(protocol.length() - 1);
    if (alphanumeric(first) && alphanumeric(last)) {
      return "" + first + last;
    }
    String firstHex = String.format("%02x", (int) first);
    String lastHex = String.format("%02x", (int) last);
    return "" + firstHex.charAt(0) + lastHex.charAt(1);
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
