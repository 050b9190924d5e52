package io.tlsscan.tls;

/**
 * How a cipher suite agrees on keys (the part before the authentication in its IANA name). Static
 * {@code DH}/{@code ECDH} use the certificate's key; anonymous DH and ECDH suites are ephemeral and
 * listed as {@link #DHE}/{@link #ECDHE}.
 */
public enum KeyExchange {
  NULL(false),
  RSA(false),
  DH(false),
  DHE(true),
  ECDH(false),
  ECDHE(true),
  PSK(false),
  DHE_PSK(true),
  RSA_PSK(false),
  ECDHE_PSK(true),
  KRB5(false),
  SRP(true),
  ECCPWD(true),
  GOST(false),
  /** TLS 1.3 suites: the key exchange is negotiated apart from the suite, always ephemeral. */
  ANY(true);

  private final boolean forwardSecret;

  KeyExchange(boolean forwardSecret) {
    this.forwardSecret = forwardSecret;
  }

  /**
   * Whether the suite needs a secret the two sides share in advance (a pre-shared key, an SRP or
   * a dragonfly password), so that a client without one cannot complete it.
   */
  public boolean needsSharedSecret() {
    return switch (this) {
      case PSK, DHE_PSK, RSA_PSK, ECDHE_PSK, SRP, ECCPWD -> true;
      default -> false;
    };
  }

  /** Whether a stolen long-term key leaves past sessions unreadable. */
  public boolean forwardSecret() {
    return forwardSecret;
  }
}
