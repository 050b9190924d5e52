package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * Key-exchange groups of the IANA "TLS Supported Groups" registry, with their report names (the
 * IANA names: {@code x25519}, {@code secp256r1}, {@code ffdhe2048}, {@code X25519MLKEM768}, ...).
 *
 * <p>{@link #keyShareLength()} is the length of a client's TLS 1.3 key share for the group (RFC
 * 8446 §4.2.8.2; for the hybrids the ML-KEM encapsulation key and the classic share concatenated).
 * {@link #deprecated()} marks the groups RFC 8422 §5.1.1 and RFC 8446 no longer allow.
 */
public enum NamedGroup {
  SECT163K1(0x0001, "sect163k1", Kind.EC_BINARY, 0, true),
  SECT163R1(0x0002, "sect163r1", Kind.EC_BINARY, 0, true),
  SECT163R2(0x0003, "sect163r2", Kind.EC_BINARY, 0, true),
  SECT193R1(0x0004, "sect193r1", Kind.EC_BINARY, 0, true),
  SECT193R2(0x0005, "sect193r2", Kind.EC_BINARY, 0, true),
  SECT233K1(0x0006, "sect233k1", Kind.EC_BINARY, 0, true),
  SECT233R1(0x0007, "sect233r1", Kind.EC_BINARY, 0, true),
  SECT239K1(0x0008, "sect239k1", Kind.EC_BINARY, 0, true),
  SECT283K1(0x0009, "sect283k1", Kind.EC_BINARY, 0, true),
  SECT283R1(0x000A, "sect283r1", Kind.EC_BINARY, 0, true),
  SECT409K1(0x000B, "sect409k1", Kind.EC_BINARY, 0, true),
  SECT409R1(0x000C, "sect409r1", Kind.EC_BINARY, 0, true),
  SECT571K1(0x000D, "sect571k1", Kind.EC_BINARY, 0, true),
  SECT571R1(0x000E, "sect571r1", Kind.EC_BINARY, 0, true),
  SECP160K1(0x000F, "secp160k1", Kind.EC_PRIME, 0, true),
  SECP160R1(0x0010, "secp160r1", Kind.EC_PRIME, 0, true),
  SECP160R2(0x0011, "secp160r2", Kind.EC_PRIME, 0, true),
  SECP192K1(0x0012, "secp192k1", Kind.EC_PRIME, 0, true),
  SECP192R1(0x0013, "secp192r1", Kind.EC_PRIME, 0, true),
  SECP224K1(0x0014, "secp224k1", Kind.EC_PRIME, 0, true),
  SECP224R1(0x0015, "secp224r1", Kind.EC_PRIME, 0, true),
  SECP256K1(0x0016, "secp256k1", Kind.EC_PRIME, 0, true),
  SECP256R1(0x0017, "secp256r1", Kind.EC_PRIME, 65, false),
  SECP384R1(0x0018, "secp384r1", Kind.EC_PRIME, 97, false),
  SECP521R1(0x0019, "secp521r1", Kind.EC_PRIME, 133, false),
  BRAINPOOLP256R1(0x001A, "brainpoolP256r1", Kind.EC_PRIME, 0, false),
  BRAINPOOLP384R1(0x001B, "brainpoolP384r1", Kind.EC_PRIME, 0, false),
  BRAINPOOLP512R1(0x001C, "brainpoolP512r1", Kind.EC_PRIME, 0, false),
  X25519(0x001D, "x25519", Kind.MONTGOMERY, 32, false),
  X448(0x001E, "x448", Kind.MONTGOMERY, 56, false),
  BRAINPOOLP256R1TLS13(0x001F, "brainpoolP256r1tls13", Kind.EC_PRIME, 65, false),
  BRAINPOOLP384R1TLS13(0x0020, "brainpoolP384r1tls13", Kind.EC_PRIME, 97, false),
  BRAINPOOLP512R1TLS13(0x0021, "brainpoolP512r1tls13", Kind.EC_PRIME, 129, false),
  GC256A(0x0022, "GC256A", Kind.GOST, 64, false),
  GC256B(0x0023, "GC256B", Kind.GOST, 64, false),
  GC256C(0x0024, "GC256C", Kind.GOST, 64, false),
  GC256D(0x0025, "GC256D", Kind.GOST, 64, false),
  GC512A(0x0026, "GC512A", Kind.GOST, 128, false),
  GC512B(0x0027, "GC512B", Kind.GOST, 128, false),
  GC512C(0x0028, "GC512C", Kind.GOST, 128, false),
  CURVE_SM2(0x0029, "curveSM2", Kind.EC_PRIME, 65, false),
  FFDHE2048(0x0100, "ffdhe2048", Kind.FFDHE, 256, false),
  FFDHE3072(0x0101, "ffdhe3072", Kind.FFDHE, 384, false),
  FFDHE4096(0x0102, "ffdhe4096", Kind.FFDHE, 512, false),
  FFDHE6144(0x0103, "ffdhe6144", Kind.FFDHE, 768, false),
  FFDHE8192(0x0104, "ffdhe8192", Kind.FFDHE, 1024, false),
  MLKEM512(0x0200, "MLKEM512", Kind.ML_KEM, 800, false),
  MLKEM768(0x0201, "MLKEM768", Kind.ML_KEM, 1184, false),
  MLKEM1024(0x0202, "MLKEM1024", Kind.ML_KEM, 1568, false),
  SECP256R1_MLKEM768(0x11EB, "SecP256r1MLKEM768", Kind.HYBRID, 65 + 1184, false),
  X25519_MLKEM768(0x11EC, "X25519MLKEM768", Kind.HYBRID, 1184 + 32, false),
  SECP384R1_MLKEM1024(0x11ED, "SecP384r1MLKEM1024", Kind.HYBRID, 97 + 1568, false),
  /** The pre-standard Kyber hybrid some servers still accept. */
  X25519_KYBER768_DRAFT00(0x6399, "X25519Kyber768Draft00", Kind.HYBRID, 32 + 1184, true),
  ARBITRARY_EXPLICIT_PRIME_CURVES(
      0xFF01, "arbitrary_explicit_prime_curves", Kind.EXPLICIT, 0, true),
  ARBITRARY_EXPLICIT_CHAR2_CURVES(
      0xFF02, "arbitrary_explicit_char2_curves", Kind.EXPLICIT, 0, true);

  /** The mathematics behind a group. */
  public enum Kind {
    /** Short-Weierstrass curve over a prime field; shares are uncompressed points. */
    EC_PRIME,
    /** Curve over a binary field (sect*). */
    EC_BINARY,
    /** X25519 / X448: shares are u-coordinates. */
    MONTGOMERY,
    /** Finite-field Diffie-Hellman groups of RFC 7919. */
    FFDHE,
    /** Pure ML-KEM (FIPS 203). */
    ML_KEM,
    /** ML-KEM combined with a classic curve. */
    HYBRID,
    /** GOST R 34.10-2012 curves. */
    GOST,
    /** Explicit curve parameters in ServerKeyExchange (TLS 1.2 and older only). */
    EXPLICIT
  }

  private static final CodeIndex<NamedGroup> BY_CODE = CodeIndex.of(values(), NamedGroup::code);

  private final int code;
  private final String ianaName;
  private final Kind kind;
  private final int keyShareLength;
  private final boolean deprecated;

  NamedGroup(int code, String ianaName, Kind kind, int keyShareLength, boolean deprecated) {
    this.code = code;
    this.ianaName = ianaName;
    this.kind = kind;
    this.keyShareLength = keyShareLength;
    this.deprecated = deprecated;
  }

  /** The two-byte code point, e.g. {@code 0x001D} for x25519. */
  public int code() {
    return code;
  }

  /** The IANA name used in the report, e.g. {@code x25519}, {@code X25519MLKEM768}. */
  public String ianaName() {
    return ianaName;
  }

  public Kind kind() {
    return kind;
  }

  /** Length of a TLS 1.3 key share for this group, or 0 when the group is not used in TLS 1.3. */
  public int keyShareLength() {
    return keyShareLength;
  }

  /** Whether the group may carry a TLS 1.3 key share. */
  public boolean tls13() {
    return keyShareLength > 0;
  }

  /** Whether current RFCs forbid or deprecate the group. */
  public boolean deprecated() {
    return deprecated;
  }

  public static Optional<NamedGroup> byCode(int code) {
    return BY_CODE.get(code);
  }

  /**
   * The group with this IANA name in any letter case, or with an OpenSSL/NIST alias ({@code P-256},
   * {@code prime256v1}, {@code X25519}).
   */
  public static Optional<NamedGroup> byName(String name) {
    requireNonNull(name, "name");
    String lower = name.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "p-224" -> {
        return Optional.of(SECP224R1);
      }
      case "p-256", "prime256v1" -> {
        return Optional.of(SECP256R1);
      }
      case "p-384" -> {
        return Optional.of(SECP384R1);
      }
      case "p-521" -> {
        return Optional.of(SECP521R1);
      }
      default -> {
        for (NamedGroup group : values()) {
          if (group.ianaName.toLowerCase(Locale.ROOT).equals(lower)) {
            return Optional.of(group);
          }
        }
        return Optional.empty();
      }
    }
  }

  @Override
  public String toString() {
    return ianaName;
  }
}
