package io.tlsscan.model;

/**
 * The closed set of reasons a certificate chain is not trusted ({@code certificate.trust_errors}).
 */
public enum TrustError {
  EXPIRED,
  NOT_YET_VALID,
  SELF_SIGNED,
  /** An intermediate certificate is missing from the chain the server sent. */
  INCOMPLETE_CHAIN,
  UNTRUSTED_ROOT,
  /** RSA or DSA below 2048 bits, EC below 224 bits. */
  WEAK_KEY,
  /** SHA-1 or MD5 signature on a certificate other than a trust anchor. */
  WEAK_SIGNATURE,
  REVOKED,
  /** Anything else; the detail is in a finding. */
  INVALID_CHAIN;

  /** The lower-case name used in the JSON report. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
