package io.tlsscan.cert;

import io.tlsscan.model.KeyInfo;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Describes a public key from its SubjectPublicKeyInfo: type, size, curve and fingerprint.
 *
 * <p>Sizes: RSA and DSA modulus / prime bits, EC field bits, 256 for Ed25519 and 448 for Ed448.
 * Curves use SEC names ({@code secp256r1}, never {@code prime256v1}), then other registered names
 * ({@code brainpoolP256r1}), then the OID; explicit curve parameters have no name. A key that
 * cannot be decoded keeps its JCA algorithm name with 0 bits.
 */
final class KeyInfos {
  private KeyInfos() {}

  static KeyInfo describe(byte[] subjectPublicKeyInfo, String jcaAlgorithm) {
    String spki = ParsedCertificate.sha256Hex(subjectPublicKeyInfo);
    try {
      SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(subjectPublicKeyInfo);
      ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
      ASN1Encodable parameters = info.getAlgorithm().getParameters();
      if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)
          || algorithm.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
        int bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
        return new KeyInfo("RSA", bits, null, spki);
      }
      if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
        return ecKey(parameters, spki);
      }
      if (algorithm.equals(X9ObjectIdentifiers.id_dsa)) {
        int bits = parameters == null ? 0 : DSAParameter.getInstance(parameters).getP().bitLength();
        return new KeyInfo("DSA", bits, null, spki);
      }
      if (algorithm.equals(EdECObjectIdentifiers.id_Ed25519)) {
        return new KeyInfo("Ed25519", 256, null, spki);
      }
      if (algorithm.equals(EdECObjectIdentifiers.id_Ed448)) {
        return new KeyInfo("Ed448", 448, null, spki);
      }
      return new KeyInfo(jcaAlgorithm, 0, null, spki);
    } catch (IOException | RuntimeException e) {
      return new KeyInfo(jcaAlgorithm, 0, null, spki);
    }
  }

  private static KeyInfo ecKey(ASN1Encodable parameters, String spki) {
    if (parameters instanceof ASN1ObjectIdentifier curve) {
      X9ECParameters known = ECNamedCurveTable.getByOID(curve);
      int bits = known == null ? 0 : known.getCurve().getFieldSize();
      return new KeyInfo("EC", bits, curveName(curve), spki);
    }
    if (parameters == null) {
      return new KeyInfo("EC", 0, null, spki);
    }
    return new KeyInfo(
        "EC", X9ECParameters.getInstance(parameters).getCurve().getFieldSize(), null, spki);
  }

  private static String curveName(ASN1ObjectIdentifier curve) {
    String sec = SECNamedCurves.getName(curve);
    if (sec != null) {
      return sec;
    }
    String other = ECNamedCurveTable.getName(curve);
    return other != null ? other : curve.getId();
  }
}
