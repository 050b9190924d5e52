package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X448;

/**
 * Makes client key shares that a strict server accepts, without ever needing the private key: a
 * probe reads the ServerHello and closes.
 *
 * <ul>
 *   <li>x25519 / x448: a real public key {@code k·G} (RFC 7748), computed once per group. Random
 *       bytes are not enough: wolfSSL (5.5) refuses an x25519 share whose most significant bit is
 *       set (error -352, "Bad ECC Peer Key") instead of masking it as RFC 7748 §5 says, so half of
 *       all random shares made it answer a TLS 1.3 hello by closing the connection;
 *   <li>prime curves: a real point {@code k·G}, uncompressed (servers check that it is on the
 *       curve), computed once per group and then reused;
 *   <li>ffdhe: a random value below the prime;
 *   <li>ML-KEM: an encapsulation key whose coefficients pass the FIPS 203 modulus check, computed
 *       once per group;
 *   <li>hybrids: the two parts concatenated in the order of draft-ietf-tls-ecdhe-mlkem.
 * </ul>
 */
final class KeyShareGenerator {
  private static final int MLKEM_Q = 3329;
  private static final Map<NamedGroup, byte[]> FIXED = new ConcurrentHashMap<>();

  private KeyShareGenerator() {}

  /**
   * A key share for {@code group}.
   *
   * @throws IllegalArgumentException if the group is not used in TLS 1.3
   */
  static byte[] share(NamedGroup group, Random random) {
    requireNonNull(group, "group");
    requireNonNull(random, "random");
    byte[] share =
        switch (group) {
          case FFDHE2048, FFDHE3072, FFDHE4096, FFDHE6144, FFDHE8192 -> ffdhe(group, random);
          case X25519_MLKEM768 ->
              concat(fixed(NamedGroup.MLKEM768, random), fixed(NamedGroup.X25519, random));
          case X25519_KYBER768_DRAFT00 ->
              concat(fixed(NamedGroup.X25519, random), fixed(NamedGroup.MLKEM768, random));
          case SECP256R1_MLKEM768 ->
              concat(fixed(NamedGroup.SECP256R1, random), fixed(NamedGroup.MLKEM768, random));
          case SECP384R1_MLKEM1024 ->
              concat(fixed(NamedGroup.SECP384R1, random), fixed(NamedGroup.MLKEM1024, random));
          default -> {
            if (!group.tls13()) {
              throw new IllegalArgumentException(group + " is not a TLS 1.3 group");
            }
            yield fixed(group, random);
          }
        };
    return share;
  }

  private static byte[] fixed(NamedGroup group, Random random) {
    return FIXED.computeIfAbsent(group, g -> computeFixed(g, random)).clone();
  }

  private static byte[] computeFixed(NamedGroup group, Random random) {
    return switch (group.kind()) {
      case MONTGOMERY -> montgomeryPublicKey(group, random);
      case EC_PRIME -> ecPoint(curveName(group), random);
      case ML_KEM -> mlkemEncapsulationKey(group.keyShareLength(), random);
      default -> randomBytes(group.keyShareLength(), random);
    };
  }

  private static String curveName(NamedGroup group) {
    return switch (group) {
      case BRAINPOOLP256R1TLS13 -> "brainpoolP256r1";
      case BRAINPOOLP384R1TLS13 -> "brainpoolP384r1";
      case BRAINPOOLP512R1TLS13 -> "brainpoolP512r1";
      case CURVE_SM2 -> "sm2p256v1";
      default -> group.ianaName();
    };
  }

  private static byte[] ecPoint(String curve, Random random) {
    X9ECParameters parameters = ECNamedCurveTable.getByName(curve);
    BigInteger order = parameters.getN();
    BigInteger k;
    do {
      k = new BigInteger(order.bitLength(), random);
    } while (k.signum() == 0 || k.compareTo(order) >= 0);
    return parameters.getG().multiply(k).normalize().getEncoded(false);
  }

  /** X25519 / X448 of a random scalar and the base point (the scalar is clamped on the way). */
  private static byte[] montgomeryPublicKey(NamedGroup group, Random random) {
    byte[] scalar = randomBytes(group.keyShareLength(), random);
    byte[] key = new byte[group.keyShareLength()];
    if (group == NamedGroup.X25519) {
      X25519.scalarMultBase(scalar, 0, key, 0);
    } else {
      X448.scalarMultBase(scalar, 0, key, 0);
    }
    return key;
  }

  private static byte[] ffdhe(NamedGroup group, Random random) {
    // The RFC 7919 primes start with 64 one-bits, so a value whose top byte is below 0x80 (and
    // not zero) lies strictly between 1 and p - 1.
    byte[] value = randomBytes(group.keyShareLength(), random);
    value[0] = (byte) (1 + random.nextInt(0x7f));
    return value;
  }

  /** ByteEncode12 of k random polynomials with coefficients below q, then a random 32-byte rho. */
  private static byte[] mlkemEncapsulationKey(int length, Random random) {
    byte[] key = new byte[length];
    int polynomialBytes = length - 32;
    for (int i = 0; i < polynomialBytes; i += 3) {
      int a = random.nextInt(MLKEM_Q);
      int b = random.nextInt(MLKEM_Q);
      key[i] = (byte) a;
      key[i + 1] = (byte) ((a >> 8) | (b << 4));
      key[i + 2] = (byte) (b >> 4);
    }
    byte[] rho = randomBytes(32, random);
    System.arraycopy(rho, 0, key, polynomialBytes, 32);
    return key;
  }

  private static byte[] randomBytes(int length, Random random) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
