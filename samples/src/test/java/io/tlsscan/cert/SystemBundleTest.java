package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system's CA bundle is indexed when loaded and each anchor parsed when a chain needs it. */
class SystemBundleTest {
  private static final Issued ROOT = TestPki.certificate("CN=Bundle Root").ca().selfSigned();
  private static final Issued BROKEN = TestPki.certificate("CN=Broken Root").ca().selfSigned();

  @TempDir Path dir;

  @Test
  void anAnchorOfTheBundleIsFoundWhenAChainNamesIt() throws Exception {
    // Given a system bundle with a broken anchor before a good one
    TrustAnchors anchors = brokenThenGoodBundle();

    // Then the chain from the good root is trusted, and the broken anchor is left out
    assertThat(chainFrom(ROOT, "www.bundle.test", anchors).trusted()).isTrue();
    assertThat(anchors.size()).isEqualTo(2);
    assertThat(anchors.certificates()).containsExactly(ROOT.certificate());
  }

  @Test
  void aChainFromTheBrokenAnchorIsUntrusted() throws Exception {
    TrustAnchors anchors = brokenThenGoodBundle();

    assertThat(chainFrom(BROKEN, "www.broken.test", anchors).trusted()).isFalse();
  }

  @Test
  void aBlockThatIsNotACertificateIsLeftOutOfTheBundle() throws Exception {
    Path bundle =
        Files.writeString(
            dir.resolve("ca-certificates.crt"),
            TestPki.pem("not a certificate".getBytes(StandardCharsets.US_ASCII))
                + TestPki.pem(ROOT));

    TrustAnchors anchors = TrustAnchors.systemDefault(List.of(bundle));

    assertThat(anchors.source()).isEqualTo(bundle.toString());
    assertThat(anchors.size()).isEqualTo(1);
    assertThat(anchors.certificates()).containsExactly(ROOT.certificate());
  }

  /** A system bundle of {@link #BROKEN}, unparseable, then {@link #ROOT}, loaded as the default. */
  private TrustAnchors brokenThenGoodBundle() throws Exception {
    Path bundle =
        Files.writeString(
            dir.resolve("ca-certificates.crt"),
            TestPki.pem(withBrokenSignatureAlgorithm(BROKEN.der())) + TestPki.pem(ROOT));
    TrustAnchors anchors = TrustAnchors.systemDefault(List.of(bundle));
    assertThat(anchors.source()).isEqualTo(bundle.toString());
    return anchors;
  }

  /** The verdict on a leaf for {@code name} that {@code issuer} signed. */
  private static CertificateReport chainFrom(Issued issuer, String name, TrustAnchors anchors) {
    Issued leaf = TestPki.certificate("CN=" + name).dns(name).issuedBy(issuer);
    return new CertificateAnalyzer(anchors).analyze(List.of(leaf.der()), name, Instant.now());
  }

  /**
   * The certificate with an OCTET STRING where its outer signature algorithm belongs: its subject
   * still reads, but no X.509 parser accepts it.
   */
  private static byte[] withBrokenSignatureAlgorithm(byte[] der) throws IOException {
    Certificate certificate = Certificate.getInstance(der);
    return new DERSequence(
            new ASN1Encodable[] {
              certificate.getTBSCertificate(),
              new DEROctetString(new byte[] {1}),
              certificate.getSignature()
            })
        .getEncoded();
  }
}
