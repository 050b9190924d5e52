package io.tlsscan.tls;

/** The record encryption of a cipher suite: algorithm and mode. */
public enum BulkCipher {
  NULL(Mode.NONE, 0),
  RC4(Mode.STREAM, 0),
  RC2_CBC(Mode.CBC, 64),
  DES_CBC(Mode.CBC, 64),
  TRIPLE_DES_EDE_CBC(Mode.CBC, 64),
  IDEA_CBC(Mode.CBC, 64),
  SEED_CBC(Mode.CBC, 128),
  AES_CBC(Mode.CBC, 128),
  AES_GCM(Mode.AEAD, 128),
  AES_CCM(Mode.AEAD, 128),
  AES_CCM_8(Mode.AEAD, 128),
  CAMELLIA_CBC(Mode.CBC, 128),
  CAMELLIA_GCM(Mode.AEAD, 128),
  ARIA_CBC(Mode.CBC, 128),
  ARIA_GCM(Mode.AEAD, 128),
  CHACHA20_POLY1305(Mode.AEAD, 0),
  SM4_GCM(Mode.AEAD, 128),
  SM4_CCM(Mode.AEAD, 128),
  /** GOST 28147-89 in counter mode, without the re-keying of the newer GOST suites. */
  GOST28147_CNT(Mode.STREAM, 64),
  KUZNYECHIK_CTR(Mode.STREAM, 128),
  /** Magma (64-bit blocks) with TLSTREE re-keying, RFC 9189. */
  MAGMA_CTR(Mode.STREAM, 64),
  KUZNYECHIK_MGM(Mode.AEAD, 128),
  MAGMA_MGM(Mode.AEAD, 64);

  /** How the cipher processes a record. */
  public enum Mode {
    NONE,
    STREAM,
    CBC,
    AEAD
  }

  private final Mode mode;
  private final int blockBits;

  BulkCipher(Mode mode, int blockBits) {
    this.mode = mode;
    this.blockBits = blockBits;
  }

  public Mode mode() {
    return mode;
  }

  /** The block size in bits, or 0 for stream ciphers and NULL. */
  public int blockBits() {
    return blockBits;
  }

  /**
   * Whether the cipher is broken or obsolete on its own: NULL, RC4, RC2, DES, 3DES, IDEA, GOST
   * 28147 without re-keying.
   */
  public boolean obsolete() {
    return switch (this) {
      case NULL, RC4, RC2_CBC, DES_CBC, TRIPLE_DES_EDE_CBC, IDEA_CBC, GOST28147_CNT -> true;
      default -> false;
    };
  }
}
