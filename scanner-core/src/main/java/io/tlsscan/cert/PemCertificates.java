package io.tlsscan.cert;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Extracts the DER bytes of every {@code -----BEGIN CERTIFICATE-----} block in PEM text (RFC 7468
 * section 5). Text between blocks, such as the comments {@code openssl x509 -text} writes, is
 * ignored.
 */
final class PemCertificates {
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private PemCertificates() {}

  /**
   * Decodes every certificate block, in file order.
   *
   * @throws IllegalArgumentException naming the block (1-based) that has no END line or is not
   *     base64
   */
  static List<byte[]> decode(String text) {
    List<byte[]> certificates = new ArrayList<>();
    int from = text.indexOf(BEGIN);
    while (from >= 0) {
      int number = certificates.size() + 1;
      int bodyStart = from + BEGIN.length();
      int end = text.indexOf(END, bodyStart);
      int nextBegin = text.indexOf(BEGIN, bodyStart);
      if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
        throw new IllegalArgumentException("certificate " + number + " has no END line");
      }
      try {
        certificates.add(Base64.getMimeDecoder().decode(text.substring(bodyStart, end).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("certificate " + number + " is not valid base64", e);
      }
      from = text.indexOf(BEGIN, end + END.length());
    }
    return certificates;
  }
}
