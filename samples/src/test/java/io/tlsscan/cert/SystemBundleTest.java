package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
    Path bundle =
        Files.writeString(
            dir.resolve("ca-certificates.crt"),
            pem(withBrokenSignatureAlgorithm(BROKEN.der())) + TestPki.pem(ROOT));

    // When it is loaded as the system default
    TrustAnchors anchors = TrustAnchors.systemDefault(List.of(bundle));

    // Then the chain from the good root is trusted, and the broken anchor is left out
    Issued leaf = TestPki.certificate("CN=www.bundle.test").dns("www.bundle.test").issuedBy(ROOT);
    var verdict =
        new CertificateAnalyzer(anchors)
            .analyze(List.of(leaf.der()), "www.bundle.test", Instant.now());
    assertThat(anchors.source()).isEqualTo(bundle.toString());
    assertThat(verdict.trusted()).isTrue();
    assertThat(anchors.size()).isEqualTo(2);
    assertThat(anchors.certificates()).containsExactly(ROOT.certificate());
  }

  @Test
  void aChainFromTheBrokenAnchorIsUntrusted() throws Exception {
    Path bundle =
        Files.writeString(
            dir.resolve("ca-certificates.crt"),
            pem(withBrokenSignatureAlgorithm(BROKEN.der())) + TestPki.pem(ROOT));
    TrustAnchors anchors = TrustAnchors.systemDefault(List.of(bundle));

    Issued leaf = TestPki.certificate("CN=www.broken.test").dns("www.broken.test").issuedBy(BROKEN);
    var verdict =
        new CertificateAnalyzer(anchors)
            .analyze(List.of(leaf.der()), "www.broken.test", Instant.now());

    assertThat(verdict.trusted()).isFalse();
  }

  /**
   * The certificate with the tag of its outer signature algorithm's OID changed to OCTET STRING:
   * its subject still reads, but no X.509 parser accepts it.
   */
  private static byte[] withBrokenSignatureAlgorithm(byte[] der) {
    byte[] broken = der.clone();
    int tbs = headerLength(broken, 0);
    int signatureAlgorithm = tbs + headerLength(broken, tbs) + contentLength(broken, tbs);
    int oid = signatureAlgorithm + headerLength(broken, signatureAlgorithm);
    assertThat(broken[oid]).as("OID tag").isEqualTo((byte) 0x06);
    broken[oid] = 0x04;
    return broken;
  }

  private static int headerLength(byte[] der, int at) {
    int first = der[at + 1] & 0xFF;
    return first < 0x80 ? 2 : 2 + (first & 0x7F);
  }

  private static int contentLength(byte[] der, int at) {
    int first = der[at + 1] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7F); i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xFF);
    }
    return length;
  }

  private static String pem(byte[] der) {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }
}
