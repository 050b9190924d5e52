package io.tlsscan.samples.fleet;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM text of a certificate (RFC 7468 §5): base64 of the DER in 64-character lines. */
final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  static String of(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + BASE64.encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode " + certificate.getSubjectX500Principal(), e);
    }
  }
}
