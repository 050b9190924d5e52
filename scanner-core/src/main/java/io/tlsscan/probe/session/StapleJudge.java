package io.tlsscan.probe.session;

import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.SignedTimestamp;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Judges a stapled OCSP response (RFC 6960) against the leaf and its issuer from the chain: its
 * status counts only when the issuer's key, or a responder certificate the issuer gave
 * id-kp-OCSPSigning (section 4.2.2.2), verifies its signature and it speaks of the leaf's serial
 * under that issuer. Also collects the SCTs of its single-response extension (RFC 6962 section
 * 3.3).
 */
final class StapleJudge {
  /** Larger staples are not parsed: real ones are a few kilobytes. */
  static final int MAX_STAPLE_BYTES = 64 * 1024;

  /** The SCT list extension of an OCSP single response, RFC 6962 section 3.3. */
  static final ASN1ObjectIdentifier SCT_EXTENSION =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.5");

  /**
   * The verdict and the staple's SCTs.
   *
   * @param staple the judged response
   * @param scts the SCTs of the single response about the leaf
   */
  record Judged(OcspStaple staple, List<SignedTimestamp> scts) {}

  private StapleJudge() {}

  /**
   * @param response the DER OCSP response as stapled
   * @param chain the DER certificates the server sent, leaf first
   * @param now the time staleness is judged at
   */
  static Judged judge(byte[] response, List<byte[]> chain, Instant now) {
    if (response.length > MAX_STAPLE_BYTES) {
      return invalid("the response is larger than " + MAX_STAPLE_BYTES + " bytes");
    }
    try {
      OCSPResp outer = new OCSPResp(response);
      if (outer.getStatus() != OCSPResp.SUCCESSFUL) {
        return invalid("the responder answered with status " + outer.getStatus());
      }
      if (!(outer.getResponseObject() instanceof BasicOCSPResp basic)) {
        return invalid("not a basic OCSP response");
      }
      if (chain.isEmpty()) {
        return invalid("the server sent no certificate to judge it against");
      }
      X509CertificateHolder leaf = new X509CertificateHolder(chain.get(0));
      Optional<X509CertificateHolder> issuer = issuerOf(leaf, chain);
      if (issuer.isEmpty()) {
        return invalid("the leaf's issuer is not in the chain the server sent");
      }
      return judge(basic, leaf, issuer.get(), now);
    } catch (IOException | OCSPException | RuntimeException e) {
      return invalid("unreadable response: " + e.getMessage());
    }
  }

  private static Judged judge(
      BasicOCSPResp basic, X509CertificateHolder leaf, X509CertificateHolder issuer, Instant now)
      throws OCSPException {
    Optional<String> signer = signer(basic, issuer, now);
    Optional<SingleResp> single = aboutLeaf(basic, leaf, issuer);
    if (single.isEmpty()) {
      return invalid("the response does not speak of the leaf (serial " + serial(leaf) + ")");
    }
    SingleResp about = single.get();
    Instant thisUpdate = instant(about.getThisUpdate());
    Instant nextUpdate = instant(about.getNextUpdate());
    CertificateStatus certStatus = about.getCertStatus();
    Instant revokedAt =
        certStatus instanceof RevokedStatus revoked ? instant(revoked.getRevocationTime()) : null;
    String status =
        signer.isEmpty()
            ? OcspStaple.INVALID
            : certStatus == CertificateStatus.GOOD
                ? OcspStaple.GOOD
                : certStatus instanceof RevokedStatus
                    ? OcspStaple.REVOKED
                    : certStatus instanceof UnknownStatus ? OcspStaple.UNKNOWN : OcspStaple.INVALID;
    OcspStaple staple =
        new OcspStaple(
            status,
            signer.orElse(null),
            instant(basic.getProducedAt()),
            thisUpdate,
            nextUpdate,
            revokedAt,
            nextUpdate != null && nextUpdate.isBefore(now),
            signer.isEmpty()
                ? "the signature is not valid with the issuer's key nor a delegated responder's"
                : null);
    Extension scts = about.getExtension(SCT_EXTENSION);
    return new Judged(
        staple,
        scts == null
            ? List.of()
            : SctList.fromExtension(
                scts.getExtnValue().getOctets(), SignedTimestamp.FROM_OCSP));
  }

  /** The certificate of the chain whose subject is the leaf's issuer and whose key signed it. */
  private static Optional<X509CertificateHolder> issuerOf(
      X509CertificateHolder leaf, List<byte[]> chain) throws IOException {
    for (byte[] der : chain.subList(1, chain.size())) {
      X509CertificateHolder candidate = new X509CertificateHolder(der);
      if (candidate.getSubject().equals(leaf.getIssuer()) && verifies(candidate, leaf)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** {@code issuer} when its key verifies the response, else a valid delegate, else empty. */
  private static Optional<String> signer(
      BasicOCSPResp basic, X509CertificateHolder issuer, Instant now) throws OCSPException {
    if (basic.isSignatureValid(verifier(issuer))) {
      return Optional.of(OcspStaple.SIGNER_ISSUER);
    }
    for (X509CertificateHolder responder : basic.getCerts()) {
      if (responder.getIssuer().equals(issuer.getSubject())
          && verifies(issuer, responder)
          && responder.isValidOn(Date.from(now))
          && signsOcsp(responder)
          && basic.isSignatureValid(verifier(responder))) {
        return Optional.of(OcspStaple.SIGNER_DELEGATE);
      }
    }
    return Optional.empty();
  }

  private static boolean signsOcsp(X509CertificateHolder responder) {
    ExtendedKeyUsage usage =
        ExtendedKeyUsage.fromExtensions(responder.getExtensions());
    return usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning);
  }

  private static Optional<SingleResp> aboutLeaf(
      BasicOCSPResp basic, X509CertificateHolder leaf, X509CertificateHolder issuer)
      throws OCSPException {
    DigestCalculatorProvider digests = digests();
    for (SingleResp single : basic.getResponses()) {
      if (single.getCertID().getSerialNumber().equals(leaf.getSerialNumber())
          && single.getCertID().matchesIssuer(issuer, digests)) {
        return Optional.of(single);
      }
    }
    return Optional.empty();
  }

  private static boolean verifies(X509CertificateHolder issuer, X509CertificateHolder subject) {
    try {
      return subject.isSignatureValid(verifier(issuer));
    } catch (CertException | RuntimeException e) {
      return false;
    }
  }

  private static ContentVerifierProvider verifier(X509CertificateHolder signer) {
    try {
      return new JcaContentVerifierProviderBuilder().build(signer);
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalArgumentException("unusable key in " + signer.getSubject(), e);
    }
  }

  private static DigestCalculatorProvider digests() {
    try {
      return new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("no digest provider", e);
    }
  }

  private static Judged invalid(String problem) {
    return new Judged(OcspStaple.invalid(problem), List.of());
  }

  private static String serial(X509CertificateHolder certificate) {
    BigInteger serial = certificate.getSerialNumber();
    return serial.toString(16);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
