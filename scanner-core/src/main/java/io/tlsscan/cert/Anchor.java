package io.tlsscan.cert;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * One trust anchor. Anchors from a large bundle are indexed by subject when loaded and parsed only
 * when a chain first names them as issuer; one that cannot be parsed then is left out, as if the
 * bundle did not have it.
 */
final class Anchor {
  private final byte[] der;
  private final X500Principal subject;
  private volatile Optional<ParsedCertificate> certificate;

  private Anchor(byte[] der, X500Principal subject, Optional<ParsedCertificate> certificate) {
    this.der = der;
    this.subject = subject;
    this.certificate = certificate;
  }

  /** An anchor that is parsed already. */
  static Anchor of(ParsedCertificate certificate) {
    return new Anchor(certificate.der(), certificate.subject(), Optional.of(certificate));
  }

  /**
   * An anchor parsed on first use.
   *
   * @throws IllegalArgumentException when {@code der} is not a DER certificate up to its subject
   */
  static Anchor unparsed(byte[] der) {
    return new Anchor(der.clone(), CertificateSubject.of(der), null);
  }

  X500Principal subject() {
    return subject;
  }

  /** The DER encoding, as a key under which equal certificates are equal. */
  ByteBuffer encoding() {
    return ByteBuffer.wrap(der).asReadOnlyBuffer();
  }

  /**
   * The parsed certificate; empty when it cannot be parsed. Thread-safe: threads that ask at the
   * same time may each parse it, with equal results.
   */
  Optional<ParsedCertificate> certificate() {
    Optional<ParsedCertificate> parsed = certificate;
    if (parsed == null) {
      parsed = parse(der);
      certificate = parsed;
    }
    return parsed;
  }

  private static Optional<ParsedCertificate> parse(byte[] der) {
    try {
      return Optional.of(ParsedCertificate.parse(der));
    } catch (CertificateException unusable) {
      return Optional.empty();
    }
  }
}
