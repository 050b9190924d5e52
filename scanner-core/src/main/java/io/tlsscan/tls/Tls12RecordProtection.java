package io.tlsscan.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The record protection of one direction of a TLS 1.2 connection, counting its records:
 *
 * <ul>
 *   <li>AES-GCM with a 4-byte implicit salt and the sequence number as the 8-byte explicit nonce
 *       sent before the ciphertext (RFC 5288 section 3);
 *   <li>ChaCha20-Poly1305 with the 12-byte IV XORed with the sequence number, nothing sent before
 *       the ciphertext (RFC 7905 section 2);
 *   <li>AES-CBC with HMAC (SHA-1, SHA-256 or SHA-384): MAC, then padding, then encryption under a
 *       random explicit IV sent first (RFC 5246 section 6.2.3.2).
 * </ul>
 *
 * The additional data of an AEAD and the MAC input start with the sequence number, the record's
 * type and version and the plaintext's length (RFC 5246 sections 6.2.3.1 and 6.2.3.3).
 */
abstract sealed class Tls12RecordProtection {
  private static final int TLS12 = ProtocolVersion.TLSv1_2.wireCode();

  private long sequence;

  /** Whether {@code suite}'s records are ones this class protects. */
  static boolean supports(CipherSuite suite) {
    return switch (suite.cipher()) {
      case AES_GCM, CHACHA20_POLY1305 -> true;
      case AES_CBC -> macLength(suite) > 0;
      default -> false;
    };
  }

  /** The length of each MAC key in the key block: 0 for an AEAD. */
  static int macLength(CipherSuite suite) {
    return switch (suite.mac()) {
      case SHA1 -> 20;
      case SHA256 -> 32;
      case SHA384 -> 48;
      default -> 0;
    };
  }

  /** The length of each write key in the key block. */
  static int keyLength(CipherSuite suite) {
    return suite.cipher() == BulkCipher.CHACHA20_POLY1305 ? 32 : suite.bits() / 8;
  }

  /** The length of each write IV in the key block: 0 for CBC, whose IVs are sent. */
  static int ivLength(CipherSuite suite) {
    return switch (suite.cipher()) {
      case AES_GCM -> 4;
      case CHACHA20_POLY1305 -> 12;
      default -> 0;
    };
  }

  /** The protection of {@code suite}'s records under one direction's keys from the key block. */
  static Tls12RecordProtection of(
      CipherSuite suite, byte[] macKey, byte[] key, byte[] iv, SecureRandom random) {
    return switch (suite.cipher()) {
      case AES_GCM -> new Aead(RecordAead.AES_GCM, key, iv);
      case CHACHA20_POLY1305 -> new Aead(RecordAead.CHACHA20_POLY1305, key, iv);
      default -> new Cbc(suite, macKey, key, random);
    };
  }

  /** The fragment of the next record of {@code type}: {@code plaintext} protected. */
  final byte[] seal(int type, byte[] plaintext) {
    try {
      return seal(sequence++, type, plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the record cipher is not available", e);
    }
  }

  /**
   * The plaintext of the next record of {@code type}, whose fragment is {@code fragment}.
   *
   * @throws MalformedMessageException when it is malformed or does not authenticate
   */
  final byte[] open(int type, byte[] fragment) throws MalformedMessageException {
    try {
      return open(sequence++, type, fragment);
    } catch (AEADBadTagException e) {
      throw new MalformedMessageException("a protected record from the server does not verify");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the record cipher is not available", e);
    }
  }

  abstract byte[] seal(long number, int type, byte[] plaintext) throws GeneralSecurityException;

  abstract byte[] open(long number, int type, byte[] fragment)
      throws GeneralSecurityException, MalformedMessageException;

  /** The sequence number, type, version and length that the AEAD's data and the MAC start with. */
  static byte[] header(long number, int type, int length) {
    byte[] header = Arrays.copyOf(bigEndian(number), 13);
    header[8] = (byte) type;
    header[9] = (byte) (TLS12 >> 8);
    header[10] = (byte) TLS12;
    header[11] = (byte) (length >> 8);
    header[12] = (byte) length;
    return header;
  }

  static byte[] bigEndian(long number) {
    byte[] bytes = new byte[8];
    for (int i = 0; i < 8; i++) {
      bytes[7 - i] = (byte) (number >>> (8 * i));
    }
    return bytes;
  }

  static void requireLength(byte[] fragment, int least) throws MalformedMessageException {
    if (fragment.length < least) {
      throw new MalformedMessageException("protected record of " + fragment.length + " bytes");
    }
  }

  /**
   * AES-GCM, whose nonce is the 4-byte salt and the 8-byte explicit nonce (the sequence number)
   * sent before the ciphertext, or ChaCha20-Poly1305, whose nonce is the IV XORed with the sequence
   * number, nothing sent.
   */
  static final class Aead extends Tls12RecordProtection {
    private static final int GCM_EXPLICIT_NONCE = 8;

    private final RecordAead algorithm;
    private final byte[] key;
    private final byte[] iv;
    private final int explicitNonce;

    Aead(RecordAead algorithm, byte[] key, byte[] iv) {
      this.algorithm = algorithm;
      this.key = key.clone();
      this.iv = iv.clone();
      this.explicitNonce = algorithm == RecordAead.AES_GCM ? GCM_EXPLICIT_NONCE : 0;
    }

    @Override
    byte[] seal(long number, int type, byte[] plaintext) throws GeneralSecurityException {
      byte[] explicit = explicitNonce == 0 ? new byte[0] : bigEndian(number);
      Cipher cipher = algorithm.cipher(Cipher.ENCRYPT_MODE, key, nonce(number, explicit));
      cipher.updateAAD(header(number, type, plaintext.length));
      return Tls12Prf.concat(explicit, cipher.doFinal(plaintext));
    }

    @Override
    byte[] open(long number, int type, byte[] fragment)
        throws GeneralSecurityException, MalformedMessageException {
      requireLength(fragment, explicitNonce + RecordAead.TAG_LENGTH);
      byte[] explicit = Arrays.copyOf(fragment, explicitNonce);
      Cipher cipher = algorithm.cipher(Cipher.DECRYPT_MODE, key, nonce(number, explicit));
      cipher.updateAAD(
          header(number, type, fragment.length - explicitNonce - RecordAead.TAG_LENGTH));
      return cipher.doFinal(fragment, explicitNonce, fragment.length - explicitNonce);
    }

    private byte[] nonce(long number, byte[] explicit) {
      return explicitNonce == 0
          ? Tls13KeySchedule.perRecordNonce(iv, number)
          : Tls12Prf.concat(iv, explicit);
    }
  }

  /** AES-CBC with HMAC, MAC-then-encrypt. */
  static final class Cbc extends Tls12RecordProtection {
    private static final int BLOCK = 16;

    private final String hmac;
    private final int macLength;
    private final SecretKeySpec macKey;
    private final SecretKeySpec key;
    private final SecureRandom random;

    Cbc(CipherSuite suite, byte[] macKey, byte[] key, SecureRandom random) {
      this.macLength = macLength(suite);
      this.hmac =
          switch (suite.mac()) {
            case SHA1 -> "HmacSHA1";
            case SHA256 -> "HmacSHA256";
            default -> "HmacSHA384";
          };
      this.macKey = new SecretKeySpec(macKey, hmac);
      this.key = new SecretKeySpec(key, "AES");
      this.random = random;
    }

    @Override
    byte[] seal(long number, int type, byte[] plaintext) throws GeneralSecurityException {
      byte[] mac = mac(number, type, plaintext, plaintext.length);
      int unpadded = plaintext.length + mac.length + 1;
      int padding = (BLOCK - unpadded % BLOCK) % BLOCK;
      byte[] block = Arrays.copyOf(plaintext, unpadded + padding);
      System.arraycopy(mac, 0, block, plaintext.length, mac.length);
      Arrays.fill(block, plaintext.length + mac.length, block.length, (byte) padding);
      byte[] iv = new byte[BLOCK];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
      return Tls12Prf.concat(iv, cipher.doFinal(block));
    }

    @Override
    byte[] open(long number, int type, byte[] fragment)
        throws GeneralSecurityException, MalformedMessageException {
      requireLength(fragment, 2 * BLOCK);
      if (fragment.length % BLOCK != 0) {
        throw new MalformedMessageException("CBC record of " + fragment.length + " bytes");
      }
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(fragment, 0, BLOCK));
      byte[] block = cipher.doFinal(fragment, BLOCK, fragment.length - BLOCK);
      int padding = block[block.length - 1] & 0xff;
      int length = block.length - padding - 1 - macLength;
      if (length < 0) {
        throw new MalformedMessageException("a protected record from the server does not verify");
      }
      byte[] mac = Arrays.copyOfRange(block, length, length + macLength);
      if (!MessageDigest.isEqual(mac, mac(number, type, block, length))) {
        throw new MalformedMessageException("a protected record from the server does not verify");
      }
      return Arrays.copyOf(block, length);
    }

    private byte[] mac(long number, int type, byte[] plaintext, int length)
        throws GeneralSecurityException {
      Mac mac = Mac.getInstance(hmac);
      mac.init(macKey);
      mac.update(header(number, type, length));
      mac.update(plaintext, 0, length);
      return mac.doFinal();
    }
  }
}
