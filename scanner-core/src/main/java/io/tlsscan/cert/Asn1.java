package io.tlsscan.cert;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;

/** Reads raw X.509 extensions with Bouncy Castle's ASN.1 parser, which never needs a provider. */
final class Asn1 {
  private Asn1() {}

  /**
   * The decoded value of an extension, or {@code null} when the certificate does not have it.
   *
   * @throws IllegalArgumentException when the extension is not valid DER
   */
  static ASN1Primitive extension(X509Certificate certificate, String oid) {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return null;
    }
    try {
      return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("malformed extension " + oid, e);
    }
  }
}
