package io.tlsscan.cert;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/** Recognises certificate signatures made with a broken hash (SHA-1, MD5, MD4, MD2). */
final class SignatureAlgorithms {
  private static final Map<String, String> WEAK_HASH_BY_OID =
      Map.of(
          "1.2.840.113549.1.1.2", "MD2",
          "1.2.840.113549.1.1.3", "MD4",
          "1.2.840.113549.1.1.4", "MD5",
          "1.3.14.3.2.3", "MD5",
          "1.2.840.113549.1.1.5", "SHA-1",
          "1.3.14.3.2.29", "SHA-1",
          "1.2.840.10045.4.1", "SHA-1",
          "1.2.840.10040.4.3", "SHA-1",
          "1.3.14.3.2.27", "SHA-1");

  private SignatureAlgorithms() {}

  /**
   * The broken hash the certificate's signature uses, if any. RSASSA-PSS counts as SHA-1 when its
   * parameters name SHA-1 or are absent (SHA-1 is the PSS default, RFC 4055 section 3.1).
   */
  static Optional<String> weakHash(X509Certificate certificate) {
    String oid = certificate.getSigAlgOID();
    if (PKCSObjectIdentifiers.id_RSASSA_PSS.getId().equals(oid)) {
      return pssUsesSha1(certificate.getSigAlgParams()) ? Optional.of("SHA-1") : Optional.empty();
    }
    return Optional.ofNullable(WEAK_HASH_BY_OID.get(oid));
  }

  private static boolean pssUsesSha1(byte[] parameters) {
    if (parameters == null) {
      return true;
    }
    try {
      RSASSAPSSparams pss = RSASSAPSSparams.getInstance(parameters);
      return pss.getHashAlgorithm().getAlgorithm().equals(OIWObjectIdentifiers.idSHA1);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
