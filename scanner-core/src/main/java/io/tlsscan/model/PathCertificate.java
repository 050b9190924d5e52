package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * One certificate of the certification path the validator chose ({@code certificate.path}), leaf
 * first, up to the trust anchor when the path reached one.
 *
 * @param subject the subject in RFC 2253 form
 * @param sha256 the SHA-256 fingerprint of its DER encoding, lower-case hex
 * @param fromTrustStore whether it is the trust store's copy of an anchor rather than one the
 *     server sent ({@code "source": "trust_store"} or {@code "sent"})
 */
public record PathCertificate(String subject, String sha256, boolean fromTrustStore) {
  public PathCertificate {
    requireNonNull(subject, "subject");
    requireNonNull(sha256, "sha256");
  }
}
