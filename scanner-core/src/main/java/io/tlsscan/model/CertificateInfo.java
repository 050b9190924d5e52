package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Facts about one certificate of the chain, as the server sent it.
 *
 * @param subject RFC 2253 subject DN
 * @param issuer RFC 2253 issuer DN
 * @param serial serial number in lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param daysLeft whole days from the scan time to {@code notAfter}, negative once expired
 * @param key the public key
 * @param signatureAlgorithm JCA name, e.g. {@code SHA256withECDSA}
 * @param san subject alternative names (DNS names and IP addresses), in certificate order
 * @param sanTruncated true when more SANs were present than the cap allows to keep
 * @param sha256 SHA-256 fingerprint of the DER encoding, lower-case hex
 * @param selfSigned subject equals issuer and the signature verifies with its own key
 * @param ca the basicConstraints CA flag
 */
public record CertificateInfo(
    String subject,
    String issuer,
    String serial,
    Instant notBefore,
    Instant notAfter,
    long daysLeft,
    KeyInfo key,
    String signatureAlgorithm,
    List<String> san,
    boolean sanTruncated,
    String sha256,
    boolean selfSigned,
    boolean ca) {
  public CertificateInfo {
    requireNonNull(subject, "subject");
    requireNonNull(issuer, "issuer");
    requireNonNull(serial, "serial");
    requireNonNull(notBefore, "notBefore");
    requireNonNull(notAfter, "notAfter");
    requireNonNull(key, "key");
    requireNonNull(signatureAlgorithm, "signatureAlgorithm");
    san = List.copyOf(san);
    requireNonNull(sha256, "sha256");
  }
}
