package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The OCSP response the server stapled to its handshake, judged against the leaf and its issuer.
 *
 * @param status {@code good}, {@code revoked} or {@code unknown} as a response signed by the
 *     leaf's issuer (or a responder it delegated to) says; {@code invalid} when the response cannot
 *     be relied on: not successful, not about the leaf, or not signed by the issuer or its delegate
 *     ({@link #problem()} says which)
 * @param signer {@code issuer} or {@code delegate} (a responder certificate with id-kp-OCSPSigning
 *     issued by the issuer), or {@code null} when neither signed it
 * @param producedAt when the responder signed the response, or {@code null} when unreadable
 * @param thisUpdate when the status was known to be correct, or {@code null} when unreadable
 * @param nextUpdate when newer information will be available, or {@code null} when the response
 *     gives no such time
 * @param revokedAt when the leaf was revoked, for a {@code revoked} status; else {@code null}
 * @param stale whether {@code nextUpdate} has passed (RFC 6960 section 4.2.2.1)
 * @param problem why the status is {@code invalid}; {@code null} otherwise
 */
public record OcspStaple(
    String status,
    String signer,
    Instant producedAt,
    Instant thisUpdate,
    Instant nextUpdate,
    Instant revokedAt,
    boolean stale,
    String problem) {
  public static final String GOOD = "good";
  public static final String REVOKED = "revoked";
  public static final String UNKNOWN = "unknown";
  public static final String INVALID = "invalid";
  public static final String SIGNER_ISSUER = "issuer";
  public static final String SIGNER_DELEGATE = "delegate";

  public OcspStaple {
    requireNonNull(status, "status");
  }

  /** A response that cannot be relied on, for {@code problem}. */
  public static OcspStaple invalid(String problem) {
    return new OcspStaple(
        INVALID, null, null, null, null, null, false, requireNonNull(problem, "problem"));
  }
}
