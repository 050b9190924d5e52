package io.tlsscan.cert;

import io.tlsscan.model.KeyInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * One certificate, parsed once, with everything chain building and reporting ask of it.
 *
 * <p>Identity is the SHA-256 fingerprint of the DER encoding.
 */
final class ParsedCertificate {
  private static final int KEY_CERT_SIGN = 5;
  private static final HexFormat HEX = HexFormat.of();

  private final X509Certificate certificate;
  private final byte[] der;
  private final String sha256;
  private final X500Principal subject;
  private final X500Principal issuer;
  private final String subjectName;
  private final String issuerName;
  private final byte[] publicKey;
  private final KeyInfo key;
  private final SubjectAltNames subjectAltNames;
  private final byte[] subjectKeyId;
  private final byte[] authorityKeyId;
  private final Certificate structure;
  private final CertificateExtensions extensions;

  /**
   * The public key decoded for Bouncy Castle's verifiers, on first use (see {@link #verifyingKey}).
   */
  private volatile AsymmetricKeyParameter verifyingKey;

  private ParsedCertificate(X509Certificate certificate, byte[] der) {
    this.certificate = certificate;
    this.der = der;
    this.sha256 = sha256Hex(der);
    this.subject = certificate.getSubjectX500Principal();
    this.issuer = certificate.getIssuerX500Principal();
    this.subjectName = subject.getName(X500Principal.RFC2253);
    this.issuerName = issuer.getName(X500Principal.RFC2253);
    this.publicKey = certificate.getPublicKey().getEncoded();
    this.key = KeyInfos.describe(publicKey, certificate.getPublicKey().getAlgorithm());
    this.subjectAltNames = SubjectAltNames.of(certificate);
    this.subjectKeyId = subjectKeyId(certificate);
    this.authorityKeyId = authorityKeyId(certificate);
    this.structure = Certificate.getInstance(der);
    this.extensions = CertificateExtensions.read(structure, subject.getEncoded().length <= 2);
  }

  /**
   * Parses one DER-encoded certificate.
   *
   * @throws CertificateException when the bytes are not exactly one X.509 certificate
   */
  static ParsedCertificate parse(byte[] der) throws CertificateException {
    if (der == null || der.length == 0) {
      throw new CertificateException("empty");
    }
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(certificate.getEncoded(), der)) {
        throw new CertificateException("not a single DER certificate");
      }
      return new ParsedCertificate(certificate, der);
    } catch (RuntimeException e) {
      throw new CertificateException(e.getMessage(), e);
    }
  }

  /** Wraps a certificate that is already parsed, such as one from a key store. */
  static ParsedCertificate of(X509Certificate certificate) throws CertificateException {
    return parse(certificate.getEncoded());
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** The DER encoding (not a copy: do not modify). */
  byte[] der() {
    return der;
  }

  String sha256() {
    return sha256;
  }

  X500Principal subject() {
    return subject;
  }

  X500Principal issuer() {
    return issuer;
  }

  /** The subject in RFC 2253 form. */
  String subjectName() {
    return subjectName;
  }

  /** The issuer in RFC 2253 form. */
  String issuerName() {
    return issuerName;
  }

  KeyInfo key() {
    return key;
  }

  SubjectAltNames subjectAltNames() {
    return subjectAltNames;
  }

  /** The certificate as Bouncy Castle's ASN.1 structure, for its verifiers. */
  Certificate structure() {
    return structure;
  }

  /** The extensions path validation acts on. */
  CertificateExtensions extensions() {
    return extensions;
  }

  /**
   * The public key as Bouncy Castle's verifiers take it, decoded once: an intermediate shared by a
   * fleet verifies a new leaf on almost every target, and this certificate is shared through {@link
   * ParsedCertificates}.
   *
   * @throws IOException when Bouncy Castle cannot decode the key
   */
  AsymmetricKeyParameter verifyingKey() throws IOException {
    AsymmetricKeyParameter decoded = verifyingKey;
    if (decoded == null) {
      decoded = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(publicKey));
      verifyingKey = decoded;
    }
    return decoded;
  }

  /** Whether {@code instant} lies within the certificate's validity period. */
  boolean validAt(Instant instant) {
    return !instant.isBefore(certificate.getNotBefore().toInstant())
        && !instant.isAfter(certificate.getNotAfter().toInstant());
  }

  /** Subject and issuer are the same name; the signature may still be someone else's. */
  boolean selfIssued() {
    return subject.equals(issuer);
  }

  /** The basicConstraints CA flag. */
  boolean ca() {
    return certificate.getBasicConstraints() >= 0;
  }

  /** The basicConstraints pathLenConstraint, {@link Integer#MAX_VALUE} when unlimited. */
  int pathLengthLimit() {
    return certificate.getBasicConstraints();
  }

  /** False only when a keyUsage extension is present and lacks keyCertSign. */
  boolean keyUsageAllowsCertificateSigning() {
    boolean[] usage = certificate.getKeyUsage();
    return usage == null || assertsCertificateSigning(usage);
  }

  /** True only when a keyUsage extension is present and asserts keyCertSign. */
  boolean keyUsageAssertsCertificateSigning() {
    boolean[] usage = certificate.getKeyUsage();
    return usage != null && assertsCertificateSigning(usage);
  }

  private static boolean assertsCertificateSigning(boolean[] usage) {
    return usage.length > KEY_CERT_SIGN && usage[KEY_CERT_SIGN];
  }

  /** Same subject name and same public key: the same CA, whoever signed this copy. */
  boolean sameCaAs(ParsedCertificate other) {
    return subject.equals(other.subject) && Arrays.equals(publicKey, other.publicKey);
  }

  /** Whether this certificate's authority key id names {@code issuer}'s subject key id. */
  boolean authorityKeyIdMatches(ParsedCertificate candidate) {
    return authorityKeyId != null
        && candidate.subjectKeyId != null
        && Arrays.equals(authorityKeyId, candidate.subjectKeyId);
  }

  /** SHA-256 of {@code der}, lower-case hex. */
  static String sha256Hex(byte[] der) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] subjectKeyId(X509Certificate certificate) {
    try {
      ASN1Primitive value = Asn1.extension(certificate, Extension.subjectKeyIdentifier.getId());
      return value == null ? null : SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] authorityKeyId(X509Certificate certificate) {
    try {
      ASN1Primitive value = Asn1.extension(certificate, Extension.authorityKeyIdentifier.getId());
      return value == null
          ? null
          : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
