package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Signature algorithms of the IANA "TLS SignatureScheme" registry (RFC 8446 §4.2.3), including the
 * TLS 1.2 hash/signature pairs still seen in the wild (SHA-1, SHA-224, DSA).
 */
public enum SignatureScheme {
  RSA_PKCS1_SHA1(0x0201, "rsa_pkcs1_sha1"),
  DSA_SHA1(0x0202, "dsa_sha1"),
  ECDSA_SHA1(0x0203, "ecdsa_sha1"),
  RSA_PKCS1_SHA224(0x0301, "rsa_pkcs1_sha224"),
  DSA_SHA224(0x0302, "dsa_sha224"),
  ECDSA_SHA224(0x0303, "ecdsa_sha224"),
  RSA_PKCS1_SHA256(0x0401, "rsa_pkcs1_sha256"),
  DSA_SHA256(0x0402, "dsa_sha256"),
  ECDSA_SECP256R1_SHA256(0x0403, "ecdsa_secp256r1_sha256"),
  RSA_PKCS1_SHA384(0x0501, "rsa_pkcs1_sha384"),
  DSA_SHA384(0x0502, "dsa_sha384"),
  ECDSA_SECP384R1_SHA384(0x0503, "ecdsa_secp384r1_sha384"),
  RSA_PKCS1_SHA512(0x0601, "rsa_pkcs1_sha512"),
  DSA_SHA512(0x0602, "dsa_sha512"),
  ECDSA_SECP521R1_SHA512(0x0603, "ecdsa_secp521r1_sha512"),
  SM2SIG_SM3(0x0708, "sm2sig_sm3"),
  RSA_PSS_RSAE_SHA256(0x0804, "rsa_pss_rsae_sha256"),
  RSA_PSS_RSAE_SHA384(0x0805, "rsa_pss_rsae_sha384"),
  RSA_PSS_RSAE_SHA512(0x0806, "rsa_pss_rsae_sha512"),
  ED25519(0x0807, "ed25519"),
  ED448(0x0808, "ed448"),
  RSA_PSS_PSS_SHA256(0x0809, "rsa_pss_pss_sha256"),
  RSA_PSS_PSS_SHA384(0x080A, "rsa_pss_pss_sha384"),
  RSA_PSS_PSS_SHA512(0x080B, "rsa_pss_pss_sha512"),
  ECDSA_BRAINPOOLP256R1TLS13_SHA256(0x081A, "ecdsa_brainpoolP256r1tls13_sha256"),
  ECDSA_BRAINPOOLP384R1TLS13_SHA384(0x081B, "ecdsa_brainpoolP384r1tls13_sha384"),
  ECDSA_BRAINPOOLP512R1TLS13_SHA512(0x081C, "ecdsa_brainpoolP512r1tls13_sha512"),
  MLDSA44(0x0904, "mldsa44"),
  MLDSA65(0x0905, "mldsa65"),
  MLDSA87(0x0906, "mldsa87");

  private static final CodeIndex<SignatureScheme> BY_CODE =
      CodeIndex.of(values(), SignatureScheme::code);

  private static final List<SignatureScheme> BROAD_DEFAULT =
      List.of(
          ECDSA_SECP256R1_SHA256,
          ECDSA_SECP384R1_SHA384,
          ECDSA_SECP521R1_SHA512,
          ED25519,
          ED448,
          RSA_PSS_RSAE_SHA256,
          RSA_PSS_RSAE_SHA384,
          RSA_PSS_RSAE_SHA512,
          RSA_PSS_PSS_SHA256,
          RSA_PSS_PSS_SHA384,
          RSA_PSS_PSS_SHA512,
          RSA_PKCS1_SHA256,
          RSA_PKCS1_SHA384,
          RSA_PKCS1_SHA512,
          ECDSA_BRAINPOOLP256R1TLS13_SHA256,
          ECDSA_BRAINPOOLP384R1TLS13_SHA384,
          ECDSA_BRAINPOOLP512R1TLS13_SHA512,
          DSA_SHA256,
          DSA_SHA384,
          DSA_SHA512,
          RSA_PKCS1_SHA224,
          ECDSA_SHA224,
          DSA_SHA224,
          RSA_PKCS1_SHA1,
          ECDSA_SHA1,
          DSA_SHA1);
  private static final List<SignatureScheme> TLS13_DEFAULT =
      BROAD_DEFAULT.stream()
          .filter(
              scheme -> !scheme.ianaName.startsWith("dsa_") && !scheme.ianaName.endsWith("_sha224"))
          .toList();

  private final int code;
  private final String ianaName;

  SignatureScheme(int code, String ianaName) {
    this.code = code;
    this.ianaName = ianaName;
  }

  public int code() {
    return code;
  }

  public String ianaName() {
    return ianaName;
  }

  /**
   * What a probe offers so that any server certificate is acceptable: every scheme but the
   * post-quantum and national ones, strongest first.
   */
  public static List<SignatureScheme> broadDefault() {
    return BROAD_DEFAULT;
  }

  /** {@link #broadDefault()} without the DSA and SHA-224 pairs, which TLS 1.3 does not define. */
  public static List<SignatureScheme> tls13Default() {
    return TLS13_DEFAULT;
  }

  public static Optional<SignatureScheme> byCode(int code) {
    return BY_CODE.get(code);
  }

  public static Optional<SignatureScheme> byName(String name) {
    requireNonNull(name, "name");
    for (SignatureScheme scheme : values()) {
      if (scheme.ianaName.equalsIgnoreCase(name)) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return ianaName;
  }
}
