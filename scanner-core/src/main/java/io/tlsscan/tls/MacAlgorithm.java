package io.tlsscan.tls;

/**
 * The record integrity algorithm of a cipher suite: an HMAC hash, or {@link #AEAD} when the cipher
 * authenticates (the hash in an AEAD suite's name is only its PRF hash).
 */
public enum MacAlgorithm {
  NULL,
  MD5,
  SHA1,
  SHA256,
  SHA384,
  AEAD,
  GOSTR3411,
  GOST_IMIT,
  GOST_OMAC
}
