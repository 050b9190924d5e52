package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * One cipher suite the server accepts.
 *
 * @param name IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 * @param openSslName OpenSSL's name, e.g. {@code ECDHE-RSA-AES128-GCM-SHA256}, or {@code null} when
 *     OpenSSL has none
 * @param bits symmetric key bits (0 for NULL encryption)
 * @param strength {@code strong}, {@code weak} or {@code insecure}
 * @param keyExchangeGroup the group the server chose with it: ECDHE or TLS 1.3 (e.g. {@code
 *     x25519}), or for DHE the RFC 7919 group of its prime (e.g. {@code ffdhe2048}); {@code null}
 *     otherwise
 * @param keyExchangeBits the size of the server's DHE prime (or ECDHE group), or {@code null} when
 *     it does not show
 */
public record CipherInfo(
    String name,
    String openSslName,
    int bits, String strength, String keyExchangeGroup, Integer keyExchangeBits) {
  public CipherInfo {
    requireNonNull(name, "name");
    requireNonNull(strength, "strength");
  }

  /** The IANA name, followed by OpenSSL's in parentheses when it has another one. */
  public String displayName() {
    return openSslName == null || openSslName.equals(name) ? name : name + " (" + openSslName + ")";
  }
}
