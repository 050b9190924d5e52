package io.tlsscan.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.3 key schedule for an AES-GCM or ChaCha20-Poly1305 suite (RFC 8446 section 7):
 * HKDF-Extract and HKDF-Expand-Label over the suite's hash, traffic keys and IVs, Finished MACs,
 * and record protection with a per-direction sequence number.
 */
final class Tls13KeySchedule {
  private static final int IV_LENGTH = 12;

  private final String hmac;
  private final String digest;
  private final int hashLength;
  private final int keyLength;
  private final RecordAead aead;

  private Tls13KeySchedule(
      String hmac, String digest, int hashLength, int keyLength, RecordAead aead) {
    this.hmac = hmac;
    this.digest = digest;
    this.hashLength = hashLength;
    this.keyLength = keyLength;
    this.aead = aead;
  }

  /**
   * The schedule of {@code TLS_AES_128_GCM_SHA256}, {@code TLS_AES_256_GCM_SHA384} or {@code
   * TLS_CHACHA20_POLY1305_SHA256}.
   */
  static Tls13KeySchedule of(CipherSuite suite) {
    return switch (suite) {
      case TLS_AES_256_GCM_SHA384 ->
          new Tls13KeySchedule("HmacSHA384", "SHA-384", 48, 32, RecordAead.AES_GCM);
      case TLS_CHACHA20_POLY1305_SHA256 ->
          new Tls13KeySchedule("HmacSHA256", "SHA-256", 32, 32, RecordAead.CHACHA20_POLY1305);
      default -> new Tls13KeySchedule("HmacSHA256", "SHA-256", 32, 16, RecordAead.AES_GCM);
    };
  }

  int hashLength() {
    return hashLength;
  }

  byte[] hash(byte[] data) {
    try {
      return MessageDigest.getInstance(digest).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digest + " is not available", e);
    }
  }

  byte[] extract(byte[] salt, byte[] keyMaterial) {
    return mac(salt.length == 0 ? new byte[hashLength] : salt, keyMaterial);
  }

  /** HKDF-Expand-Label (section 7.1). */
  byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
    byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.write(length >> 8);
    info.write(length);
    info.write(fullLabel.length);
    info.writeBytes(fullLabel);
    info.write(context.length);
    info.writeBytes(context);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    for (int filled = 0, counter = 1; filled < length; counter++) {
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      input.writeBytes(block);
      input.writeBytes(info.toByteArray());
      input.write(counter);
      block = mac(secret, input.toByteArray());
      int take = Math.min(block.length, length - filled);
      System.arraycopy(block, 0, out, filled, take);
      filled += take;
    }
    return out;
  }

  /** Derive-Secret: HKDF-Expand-Label of the transcript hash. */
  byte[] deriveSecret(byte[] secret, String label, byte[] transcript) {
    return expandLabel(secret, label, hash(transcript), hashLength);
  }

  /** The verify_data of a Finished, or a PSK binder, keyed by {@code baseKey} (section 4.4.4). */
  byte[] finished(byte[] baseKey, byte[] transcript) {
    return mac(expandLabel(baseKey, "finished", new byte[0], hashLength), hash(transcript));
  }

  /** One direction's record protection under a traffic secret. */
  Protection protection(byte[] trafficSecret) {
    return new Protection(
        aead,
        expandLabel(trafficSecret, "key", new byte[0], keyLength),
        expandLabel(trafficSecret, "iv", new byte[0], IV_LENGTH));
  }

  private byte[] mac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(key, hmac));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " is not available", e);
    }
  }

  /**
   * The nonce of the record numbered {@code sequence}: {@code iv} with the sequence number, big
   * endian, XORed into its last 8 bytes (section 5.3; RFC 7905 makes ChaCha20-Poly1305's nonce so
   * in TLS 1.2 too).
   */
  static byte[] perRecordNonce(byte[] iv, long sequence) {
    byte[] nonce = iv.clone();
    for (int i = 0; i < 8; i++) {
      nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
    }
    return nonce;
  }

  /** AEAD record protection with its own sequence number (section 5.3). */
  static final class Protection {
    private final RecordAead aead;
    private final byte[] key;
    private final byte[] iv;
    private long sequence;

    private Protection(RecordAead aead, byte[] key, byte[] iv) {
      this.aead = aead;
      this.key = key;
      this.iv = iv;
    }

    /** Opens a record's payload; {@code header} is its 5 bytes, the additional data. */
    byte[] open(byte[] header, byte[] payload) throws MalformedMessageException {
      try {
        return cipher(Cipher.DECRYPT_MODE, header).doFinal(payload);
      } catch (GeneralSecurityException e) {
        throw new MalformedMessageException("a record from the server does not decrypt");
      }
    }

    /** A whole application_data record carrying {@code content} of {@code type}. */
    byte[] seal(int type, byte[] content) {
      byte[] inner = new byte[content.length + 1];
      System.arraycopy(content, 0, inner, 0, content.length);
      inner[content.length] = (byte) type;
      int length = inner.length + RecordAead.TAG_LENGTH;
      byte[] header = {23, 3, 3, (byte) (length >> 8), (byte) length};
      try {
        return Tls12Prf.concat(header, cipher(Cipher.ENCRYPT_MODE, header).doFinal(inner));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(aead.transformation() + " is not available", e);
      }
    }

    private Cipher cipher(int mode, byte[] header) throws GeneralSecurityException {
      Cipher cipher = aead.cipher(mode, key, perRecordNonce(iv, sequence++));
      cipher.updateAAD(header);
      return cipher;
    }
  }
}
