package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * A certificate's public key.
 *
 * @param type {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519}, {@code Ed448}, ...
 * @param bits the key size in bits
 * @param curve the named curve for EC keys ({@code secp256r1}), else {@code null}
 * @param spkiSha256 SHA-256 of the DER SubjectPublicKeyInfo, lower-case hex: the same on every
 *     certificate of this key, so it shows one key on many hosts or kept across renewals
 */
public record KeyInfo(String type, int bits, String curve, String spkiSha256) {
  public KeyInfo {
    requireNonNull(type, "type");
    requireNonNull(spkiSha256, "spkiSha256");
  }
}
