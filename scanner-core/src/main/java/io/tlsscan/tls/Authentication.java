package io.tlsscan.tls;

/** How the server proves its identity in a cipher suite. */
public enum Authentication {
  /** No authentication at all ({@code TLS_NULL_WITH_NULL_NULL}). */
  NULL,
  RSA,
  DSS,
  ECDSA,
  /** Anonymous ({@code DH_anon}, {@code ECDH_anon}): open to any man in the middle. */
  ANON,
  PSK,
  KRB5,
  SRP,
  ECCPWD,
  GOST,
  /** TLS 1.3 suites: authentication is negotiated by signature algorithms. */
  ANY
}
