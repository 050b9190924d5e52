package io.tlsscan.probe.handshake;

import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;

/**
 * Turns the engine's names for protocols, suites and groups into the report's names, through the
 * registries of the {@code tls} package.
 */
final class NegotiatedNames {
  private NegotiatedNames() {}

  /** The engine says {@code TLSv1} where the report says {@code TLSv1.0}; the rest agree. */
  static String protocol(String engineName) {
    return engineName.equals("TLSv1") ? ProtocolVersion.TLSv1_0.reportName() : engineName;
  }

  /** The IANA name of a Java suite name (which may use a legacy {@code SSL_} prefix). */
  static String cipher(String javaName) {
    return CipherSuite.byName(javaName).map(CipherSuite::ianaName).orElse(javaName);
  }

  /** The IANA name of a BoringSSL group name such as {@code P-256} or {@code X25519}. */
  static String group(String boringSslName) {
    return boringSslName == null
        ? null
        : NamedGroup.byName(boringSslName).map(NamedGroup::ianaName).orElse(boringSslName);
  }
}
