package io.tlsscan.cert;

import java.io.IOException;
import java.security.GeneralSecurityException;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDSAContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcECContentVerifierProviderBuilder;
import org.bouncycastle.operator.bc.BcRSAContentVerifierProviderBuilder;

/**
 * Checks certificate signatures, remembering the answer for recently seen (certificate, issuer)
 * pairs: a fleet shares a few intermediates and roots, so most checks above the leaf repeat.
 *
 * <p>Thread-safe. The cache is keyed by both SHA-256 fingerprints; verification itself runs outside
 * its lock.
 */
final class SignatureVerifier {
  /** Default number of remembered (certificate, issuer) pairs. */
  static final int DEFAULT_CAPACITY = 4096;

  private static final DefaultDigestAlgorithmIdentifierFinder DIGESTS =
      new DefaultDigestAlgorithmIdentifierFinder();

  private record Pair(String subjectSha256, String issuerSha256) {}

  private final RecentlyUsed<Pair, Boolean> cache;

  SignatureVerifier(int capacity) {
    this.cache = new RecentlyUsed<>(capacity);
  }

  /** Whether {@code issuer}'s public key verifies {@code subject}'s signature. */
  boolean verifies(ParsedCertificate subject, ParsedCertificate issuer) {
    Pair pair = new Pair(subject.sha256(), issuer.sha256());
    Boolean known = cache.get(pair);
    if (known != null) {
      return known;
    }
    boolean verified = verify(subject, issuer);
    cache.put(pair, verified);
    return verified;
  }

  /** Subject equals issuer and the certificate's own key verifies its signature. */
  boolean selfSigned(ParsedCertificate certificate) {
    return certificate.selfIssued() && verifies(certificate, certificate);
  }

  /** Number of remembered pairs. */
  int size() {
    return cache.size();
  }

  /**
   * Verifies with Bouncy Castle's lightweight API, which is several times faster than the JDK 17
   * ECDSA code and, unlike its JCA provider, costs nothing to set up; key types it has no verifier
   * for go to the JDK.
   */
  private static boolean verify(ParsedCertificate subject, ParsedCertificate issuer) {
    try {
      ContentVerifierProvider verifier = lightweightVerifier(issuer.verifyingKey());
      if (verifier == null) {
        subject.certificate().verify(issuer.certificate().getPublicKey());
        return true;
      }
      return new X509CertificateHolder(subject.structure()).isSignatureValid(verifier);
    } catch (GeneralSecurityException
        | IOException
        | OperatorCreationException
        | CertException
        | RuntimeException e) {
      return false;
    }
  }

  private static ContentVerifierProvider lightweightVerifier(AsymmetricKeyParameter key)
      throws OperatorCreationException {
    if (key instanceof RSAKeyParameters) {
      return new BcRSAContentVerifierProviderBuilder(DIGESTS).build(key);
    }
    if (key instanceof ECPublicKeyParameters) {
      return new BcECContentVerifierProviderBuilder(DIGESTS).build(key);
    }
    if (key instanceof DSAPublicKeyParameters) {
      return new BcDSAContentVerifierProviderBuilder(DIGESTS).build(key);
    }
    return null;
  }
}
