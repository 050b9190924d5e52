package io.tlsscan.cert;

import java.util.Arrays;
import javax.security.auth.x500.X500Principal;

/**
 * Reads the subject name of a DER certificate by walking its outer structure (RFC 5280 section
 * 4.1), without parsing anything else: a CA bundle is indexed this way at a fraction of the cost of
 * parsing its certificates, most of which a scan never needs.
 */
final class CertificateSubject {
  private static final int SEQUENCE = 0x30;
  private static final int EXPLICIT_VERSION = 0xA0;

  private CertificateSubject() {}

  /**
   * The subject of the certificate {@code der}.
   *
   * @throws IllegalArgumentException when the bytes are not a DER certificate up to its subject
   */
  static X500Principal of(byte[] der) {
    Cursor certificate = new Cursor(der, 0, der.length).enter(SEQUENCE);
    Cursor tbs = certificate.enter(SEQUENCE);
    if (tbs.peekTag() == EXPLICIT_VERSION) {
      tbs.skip();
    }
    tbs.skip(); // serialNumber
    tbs.skip(); // signature
    tbs.skip(); // issuer
    tbs.skip(); // validity
    return new X500Principal(tbs.element(SEQUENCE));
  }

  /** A position within {@code [at, end)} of a DER buffer, reading one element after another. */
  private static final class Cursor {
    private final byte[] der;
    private final int end;
    private int at;

    Cursor(byte[] der, int at, int end) {
      this.der = der;
      this.at = at;
      this.end = end;
    }

    int peekTag() {
      require(at < end);
      return der[at] & 0xFF;
    }

    /** The contents of the next element, which must have tag {@code tag}, as a cursor. */
    Cursor enter(int tag) {
      require(peekTag() == tag);
      int contentStart = advance();
      return new Cursor(der, contentStart, at);
    }

    void skip() {
      advance();
    }

    /** The whole next element (tag, length and contents), which must have tag {@code tag}. */
    byte[] element(int tag) {
      require(peekTag() == tag);
      int start = at;
      advance();
      return Arrays.copyOfRange(der, start, at);
    }

    /**
     * Moves past the next element and returns where its contents start. Lengths are the short form
     * or the long form of up to three bytes, and must fit within this cursor.
     */
    private int advance() {
      require(end - at >= 2);
      int offset = at + 1;
      int length = der[offset++] & 0xFF;
      if (length >= 0x80) {
        int count = length & 0x7F;
        require(count >= 1 && count <= 3 && count <= end - offset);
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (der[offset++] & 0xFF);
        }
      }
      require(length <= end - offset);
      at = offset + length;
      return offset;
    }

    private static void require(boolean condition) {
      if (!condition) {
        throw new IllegalArgumentException("not a DER certificate");
      }
    }
  }
}
