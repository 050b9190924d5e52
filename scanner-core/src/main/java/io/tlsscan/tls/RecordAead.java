package io.tlsscan.tls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The AEAD ciphers that protect records of tlsscan's own handshakes, by their JCA names. */
enum RecordAead {
  AES_GCM("AES/GCM/NoPadding", "AES"),
  CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20");

  /** The length of the authentication tag, in bytes, of both. */
  static final int TAG_LENGTH = 16;

  private final String transformation;
  private final String keyAlgorithm;

  RecordAead(String transformation, String keyAlgorithm) {
    this.transformation = transformation;
    this.keyAlgorithm = keyAlgorithm;
  }

  /** A cipher for {@code mode} ({@link Cipher#ENCRYPT_MODE} or decrypt) of one record. */
  Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(transformation);
    SecretKeySpec spec = new SecretKeySpec(key, keyAlgorithm);
    if (this == AES_GCM) {
      cipher.init(mode, spec, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    } else {
      cipher.init(mode, spec, new IvParameterSpec(nonce));
    }
    return cipher;
  }

  String transformation() {
    return transformation;
  }
}
