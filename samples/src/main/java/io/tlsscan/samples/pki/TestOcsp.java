package io.tlsscan.samples.pki;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes OCSP responses (RFC 6960) about a test certificate, for servers to staple.
 *
 * <pre>{@code
 * byte[] der = TestOcsp.about(leaf, intermediate).revoked(Instant.now()).signedBy(intermediate);
 * }</pre>
 *
 * <p>Defaults: status good, this_update one hour ago, next_update in one day, no extensions.
 */
public final class TestOcsp {
  private final TestPki.Issued subject;
  private final TestPki.Issued issuer;
  private CertificateStatus status = CertificateStatus.GOOD;
  private Instant thisUpdate = Instant.now().minus(Duration.ofHours(1));
  private Instant nextUpdate = Instant.now().plus(Duration.ofDays(1));
  private final List<Extension> extensions = new ArrayList<>();

  private TestOcsp(TestPki.Issued subject, TestPki.Issued issuer) {
    this.subject = requireNonNull(subject, "subject");
    this.issuer = requireNonNull(issuer, "issuer");
  }

  /** Starts a response about {@code subject}, which {@code issuer} issued. */
  public static TestOcsp about(TestPki.Issued subject, TestPki.Issued issuer) {
    return new TestOcsp(subject, issuer);
  }

  /** Says the certificate was revoked at {@code when} (key compromise). */
  public TestOcsp revoked(Instant when) {
    this.status = new RevokedStatus(Date.from(when), CRLReason.keyCompromise);
    return this;
  }

  /** Says the responder does not know the certificate. */
  public TestOcsp unknown() {
    this.status = new UnknownStatus();
    return this;
  }

  /** The validity window of the status. */
  public TestOcsp updates(Instant thisUpdate, Instant nextUpdate) {
    this.thisUpdate = requireNonNull(thisUpdate, "thisUpdate");
    this.nextUpdate = requireNonNull(nextUpdate, "nextUpdate");
    return this;
  }

  /** Adds a single-response extension whose content is {@code value}, e.g. an SCT list. */
  public TestOcsp extension(ASN1ObjectIdentifier oid, DEROctetString value) {
    try {
      extensions.add(new Extension(oid, false, value.getEncoded()));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode extension " + oid, e);
    }
    return this;
  }

  /**
   * The DER response signed by {@code signer}, its certificate included (as a delegated responder
   * sends it); for the issuer itself no certificate is included.
   */
  public byte[] signedBy(TestPki.Issued signer) {
    try {
      var digests = new JcaDigestCalculatorProviderBuilder().build();
      CertificateID id =
          new CertificateID(
              digests.get(CertificateID.HASH_SHA1),
              new X509CertificateHolder(issuer.der()),
              subject.certificate().getSerialNumber());
      X509CertificateHolder signerHolder = new X509CertificateHolder(signer.der());
      BasicOCSPRespBuilder builder =
          new BasicOCSPRespBuilder(new RespID(signerHolder.getSubject()));
      builder.addResponse(
          id,
          status,
          Date.from(thisUpdate),
          Date.from(nextUpdate),
          extensions.isEmpty() ? null : new Extensions(extensions.toArray(Extension[]::new)));
      String algorithm =
          signer.key().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      X509CertificateHolder[] chain =
          signer == issuer ? null : new X509CertificateHolder[] {signerHolder};
      var basic =
          builder.build(
              new JcaContentSignerBuilder(algorithm)
                      .setProvider(BouncyCastleHolder.PROVIDER)
                      .build(signer.key()), chain, new Date());
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OperatorCreationException | OCSPException | IOException e) {
      throw new IllegalStateException("cannot make an OCSP response", e);
    }
  }

  /** An unsuccessful response with status {@code tryLater} (3), which carries no answer. */
  public static byte[] tryLater() {
    try {
      return new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();
    } catch (OCSPException | IOException e) {
      throw new IllegalStateException("cannot make an OCSP response", e);
    }
  }
}
