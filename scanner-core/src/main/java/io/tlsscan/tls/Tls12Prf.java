package io.tlsscan.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.2 pseudorandom function (RFC 5246 section 5): {@code P_hash(secret, label + seed)}
 * with HMAC over the suite's hash, SHA-256 or SHA-384.
 */
final class Tls12Prf {
  private final String hmac;

  /** @param hmac the JCA name of the HMAC: {@code HmacSHA256} or {@code HmacSHA384} */
  Tls12Prf(String hmac) {
    this.hmac = hmac;
  }

  /** {@code length} bytes of {@code PRF(secret, label, seed)}. */
  byte[] derive(byte[] secret, String label, byte[] seed, int length) {
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(secret, hmac));
      byte[] labelled = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
      byte[] out = new byte[length];
      byte[] a = labelled;
      for (int filled = 0; filled < length; ) {
        a = mac.doFinal(a);
        mac.update(a);
        byte[] block = mac.doFinal(labelled);
        int take = Math.min(block.length, length - filled);
        System.arraycopy(block, 0, out, filled, take);
        filled += take;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " is not available", e);
    }
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
