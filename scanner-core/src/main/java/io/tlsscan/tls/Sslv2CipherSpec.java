package io.tlsscan.tls;

import java.util.Optional;

/**
 * The SSL 2.0 cipher kinds (three-byte codes of the SSLv2 draft, appendix C). All of them are
 * insecure; their names are what the report lists under {@code ciphers.SSLv2}.
 */
public enum Sslv2CipherSpec {
  SSL_CK_RC4_128_WITH_MD5(0x010080, 128),
  SSL_CK_RC4_128_EXPORT40_WITH_MD5(0x020080, 40),
  SSL_CK_RC2_128_CBC_WITH_MD5(0x030080, 128),
  SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5(0x040080, 40),
  SSL_CK_IDEA_128_CBC_WITH_MD5(0x050080, 128),
  SSL_CK_DES_64_CBC_WITH_MD5(0x060040, 56),
  SSL_CK_DES_192_EDE3_CBC_WITH_MD5(0x0700C0, 112);

  private static final CodeIndex<Sslv2CipherSpec> BY_CODE =
      CodeIndex.of(values(), Sslv2CipherSpec::code);

  private final int code;
  private final int bits;

  Sslv2CipherSpec(int code, int bits) {
    this.code = code;
    this.bits = bits;
  }

  /** The three-byte code, e.g. {@code 0x010080}. */
  public int code() {
    return code;
  }

  /** Effective secret key bits (40 for export, 112 for 3DES). */
  public int bits() {
    return bits;
  }

  /** Always {@link CipherStrength#INSECURE}: SSL 2.0 itself is broken. */
  public CipherStrength strength() {
    return CipherStrength.INSECURE;
  }

  public static Optional<Sslv2CipherSpec> byCode(int code) {
    return BY_CODE.get(code);
  }
}
