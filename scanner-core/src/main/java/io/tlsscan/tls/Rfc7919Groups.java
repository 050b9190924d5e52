package io.tlsscan.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the finite-field group of RFC 7919 (ffdhe2048 to ffdhe8192) that DHE parameters use: the
 * prime of one of them and the generator 2. The primes are known by the SHA-256 digests of their
 * big-endian bytes (a test checks them against Bouncy Castle's copies of the RFC's values).
 */
final class Rfc7919Groups {
  private static final Map<String, NamedGroup> BY_PRIME_DIGEST =
      Map.of(
          "9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966", NamedGroup.FFDHE2048,
          "0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17", NamedGroup.FFDHE3072,
          "4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e", NamedGroup.FFDHE4096,
          "227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7", NamedGroup.FFDHE6144,
          "770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833", NamedGroup.FFDHE8192);

  private static final byte[] GENERATOR = {2};

  private Rfc7919Groups() {}

  /** The group whose prime is {@code prime} and generator {@code generator}, both big-endian. */
  static Optional<NamedGroup> of(byte[] prime, byte[] generator) {
    if (!Arrays.equals(withoutLeadingZeros(generator), GENERATOR)) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_PRIME_DIGEST.get(sha256(withoutLeadingZeros(prime))));
  }

  private static byte[] withoutLeadingZeros(byte[] value) {
    int start = 0;
    while (start < value.length - 1 && value[start] == 0) {
      start++;
    }
    return Arrays.copyOfRange(value, start, value.length);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
