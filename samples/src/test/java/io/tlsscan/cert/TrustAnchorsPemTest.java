package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.TrustError;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ca-file}: a private CA trusted from a PEM file, and nothing else. */
class TrustAnchorsPemTest {
  private static final Issued CORP_ROOT = TestPki.certificate("CN=Corp Root").ca().selfSigned();
  private static final Issued OTHER_ROOT = TestPki.certificate("CN=Other Root").ca().selfSigned();

  @TempDir Path dir;

  @Test
  void pemFileWithCommentsTrustsExactlyItsCertificates() throws Exception {
    // Given a CA file as openssl writes it, with text around the blocks
    Path file =
        Files.writeString(
            dir.resolve("corp.pem"),
            "subject=CN = Corp Root\n"
                + TestPki.pem(CORP_ROOT)
                + "\n# second\n"
                + TestPki.pem(OTHER_ROOT));

    // When it is loaded
    TrustAnchors anchors = TrustAnchors.fromPemFile(file);

    // Then both roots are anchors, and a chain from one of them is trusted
    assertThat(anchors.size()).isEqualTo(2);
    assertThat(anchors.source()).isEqualTo(file.toString());
    assertThat(anchors.certificates())
        .containsExactly(CORP_ROOT.certificate(), OTHER_ROOT.certificate());
    Issued leaf = TestPki.certificate("CN=intranet.corp").dns("intranet.corp").issuedBy(CORP_ROOT);
    assertThat(
            new CertificateAnalyzer(anchors)
                .analyze(List.of(leaf.der()), "intranet.corp", Instant.now())
                .trusted())
        .isTrue();
  }

  @Test
  void systemAnchorsDoNotTrustAPrivateCa() throws Exception {
    Issued leaf = TestPki.certificate("CN=intranet.corp").dns("intranet.corp").issuedBy(CORP_ROOT);
    CertificateAnalyzer system = new CertificateAnalyzer(TrustAnchors.systemDefault());

    assertThat(
            system
                .analyze(List.of(leaf.der(), CORP_ROOT.der()), "intranet.corp", Instant.now())
                .trustErrors())
        .containsExactly(TrustError.UNTRUSTED_ROOT);
  }

  @Test
  void duplicateCertificatesCountOnce() throws Exception {
    Path file = Files.writeString(dir.resolve("twice.pem"), TestPki.pem(CORP_ROOT, CORP_ROOT));

    assertThat(TrustAnchors.fromPemFile(file).size()).isEqualTo(1);
  }

  @Test
  void certificatesThatCannotBeAnchorsAreNamedAndTheRestUsed() throws Exception {
    // Given a CA file with a good root, one with an empty subject (named only in its SAN) and one
    // whose EC key spells out its curve (which the certificate parser refuses)
    java.security.KeyPair keys = CaseCertificates.ec();
    CaseCertificates.Issued emptySubject =
        CaseCertificates.root()
            .subject("")
            .issuer("CN=Case Root Issuer")
            .san(true, CaseCertificates.dnsName("root.example"))
            .selfSigned();
    CaseCertificates.Issued explicitCurve =
        CaseCertificates.root()
            .keys(keys)
            .publicKeyInfo(CaseCertificates.explicitCurve(keys))
            .selfSigned();
    Path file =
        Files.writeString(
            dir.resolve("mixed.pem"),
            TestPki.pem(CORP_ROOT)
                + TestPki.pem(emptySubject.der())
                + TestPki.pem(explicitCurve.der()));

    // When it is loaded
    TrustAnchors anchors = TrustAnchors.fromPemFile(file);

    // Then only the good root is an anchor, and each other one is named by its place, with why
    assertThat(anchors.certificates()).containsExactly(CORP_ROOT.certificate());
    assertThat(anchors.warnings()).hasSize(2);
    assertThat(anchors.warnings().get(0))
        .isEqualTo(
            "CA file " + file + ": certificate 2 is not used as a trust anchor: it has an empty subject");
    assertThat(anchors.warnings().get(1))
        .startsWith("CA file " + file + ": certificate 3 is not used as a trust anchor: cannot be parsed");
  }
}
