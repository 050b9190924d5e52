package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * A certificate's public key.
 *
 * @param type {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}, {@code Ed448}, ...
 * @param bits the key size in bits
 * @param curve the named curve for EC keys ({@code secp256r1}), else {@code null}
 */
public record KeyInfo(String type, int bits, String curve) {
  public KeyInfo {
    requireNonNull(type, "type");
  }
}
