package io.tlsscan.cert;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;

/**
 * Parses DER certificates, remembering the recently seen ones by their encoding: the hosts of a
 * fleet often serve the same chain (load balancers, wildcard and shared certificates), and parsing
 * is a good part of a certificate analysis. Thread-safe; {@link ParsedCertificate} is immutable.
 */
final class ParsedCertificates {
  /** Default number of remembered certificates (a few megabytes at most). */
  static final int DEFAULT_CAPACITY = 1024;

  private final RecentlyUsed<ByteBuffer, ParsedCertificate> byEncoding;

  ParsedCertificates(int capacity) {
    this.byEncoding = new RecentlyUsed<>(capacity);
  }

  /**
   * The certificate {@code der} encodes.
   *
   * @throws CertificateException when the bytes are not exactly one X.509 certificate (such
   *     failures are not remembered)
   */
  ParsedCertificate parse(byte[] der) throws CertificateException {
    if (der == null) {
      throw new CertificateException("empty");
    }
    ParsedCertificate known = byEncoding.get(ByteBuffer.wrap(der));
    if (known != null) {
      return known;
    }
    ParsedCertificate parsed = ParsedCertificate.parse(der.clone());
    byEncoding.put(ByteBuffer.wrap(parsed.der()), parsed);
    return parsed;
  }
}
