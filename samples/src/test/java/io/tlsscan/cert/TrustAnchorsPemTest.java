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
}
