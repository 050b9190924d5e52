package io.tlsscan.probe.handshake;

import java.util.Map;

/** Turns the engine's names for protocols, suites and groups into the report's names. */
final class NegotiatedNames {
  private static final Map<String, String> PROTOCOLS =
      Map.of(
          "TLSv1", "TLSv1.0",
          "TLSv1.1", "TLSv1.1",
          "TLSv1.2", "TLSv1.2",
          "TLSv1.3", "TLSv1.3",
          "SSLv3", "SSLv3");

  /** BoringSSL group names to IANA TLS Supported Groups names. */
  private static final Map<String, String> GROUPS =
      Map.of(
          "X25519", "x25519",
          "P-224", "secp224r1",
          "P-256", "secp256r1",
          "P-384", "secp384r1",
          "P-521", "secp521r1",
          "X25519MLKEM768", "X25519MLKEM768",
          "X25519Kyber768Draft00", "X25519Kyber768Draft00");

  private NegotiatedNames() {}

  static String protocol(String engineName) {
    return PROTOCOLS.getOrDefault(engineName, engineName);
  }

  /** Java names equal IANA names except for a few legacy {@code SSL_} prefixes. */
  static String cipher(String javaName) {
    return javaName.startsWith("SSL_") ? "TLS_" + javaName.substring(4) : javaName;
  }

  static String group(String boringSslName) {
    return boringSslName == null ? null : GROUPS.getOrDefault(boringSslName, boringSslName);
  }
}
