package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.pki.TestOcsp;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestScts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code session} section's OCSP and SCT facts against {@code openssl s_server} stapling
 * responses made for the test chain ({@code -status_file}): each verdict with a server that must
 * pass and one that must fail.
 */
class SessionStapleTest {
  private static final String HOST = "staple.test";
  private static final Instant SEEN =
      Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);

  private static TestChain chain;
  @AutoClose private static SessionScans scans;
  @TempDir private static Path files;

  @BeforeAll
  static void setUp() {
    scans = new SessionScans("Staple Test", HOST, Duration.ofSeconds(15));
    chain = scans.chain();
  }

  /** Scans an {@code openssl s_server} at {@code address} that staples {@code response}. */
  private static HostReport scanStapling(String address, byte[] response, TestChain served)
      throws IOException {
    Path file = Files.createTempFile(files, "ocsp", ".der");
    Files.write(file, response);
    try (OpenSslServer server =
        served.openSslServer().host(address).arguments("-status_file", file.toString()).start()) {
      return scans.scan(server.address());
    }
  }

  private static SessionReport session(HostReport report) {
    return SessionScans.sectionOf(report);
  }

  private static List<String> findingIds(HostReport report) {
    return report.findings().stream().map(Finding::id).toList();
  }

  @Test
  void goodResponseSignedByTheIssuerIsGoodWithItsDates() throws IOException {
    // Given a staple saying "good", signed by the leaf's issuer, valid until tomorrow
    Instant thisUpdate = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    Instant nextUpdate = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    byte[] good =
        TestOcsp.about(chain.leaf(), chain.intermediate())
            .updates(thisUpdate, nextUpdate)
            .signedBy(chain.intermediate());
    // When the server staples it
    SessionReport session = session(scanStapling("127.0.91.1", good, chain));
    // Then the staple is good, signed by the issuer, with its dates, and not stale
    OcspStaple ocsp = session.ocsp();
    assertThat(ocsp).isNotNull();
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("good");
    assertThat(ocsp.signer()).isEqualTo("issuer");
    assertThat(ocsp.thisUpdate()).isEqualTo(thisUpdate);
    assertThat(ocsp.nextUpdate()).isEqualTo(nextUpdate);
    assertThat(ocsp.revokedAt()).isNull();
    assertThat(ocsp.stale()).isFalse();
    assertThat(ocsp.problem()).isNull();
  }

  @Test
  void revokedResponseIsRevokedAndACriticalFinding() throws IOException {
    // Given a staple, signed by the issuer, saying the leaf was revoked yesterday
    Instant revokedAt = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    byte[] revoked =
        TestOcsp.about(chain.leaf(), chain.intermediate())
            .revoked(revokedAt)
            .signedBy(chain.intermediate());
    // When it is scanned
    HostReport report = scanStapling("127.0.91.2", revoked, chain);
    // Then the staple is revoked, with the time, and the record has a critical finding
    OcspStaple ocsp = session(report).ocsp();
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("revoked");
    assertThat(ocsp.revokedAt()).isEqualTo(revokedAt);
    assertThat(findingIds(report)).contains("ocsp.revoked");
    assertThat(report.findings().get(0).id()).isEqualTo("ocsp.revoked");
  }

  @Test
  void responseFromADelegatedResponderIsGood() throws IOException {
    // Given a staple signed by a responder the issuer gave id-kp-OCSPSigning
    TestPki.Issued responder =
        TestPki.certificate("CN=Staple Test OCSP").ocspSigning().issuedBy(chain.intermediate());
    byte[] good = TestOcsp.about(chain.leaf(), chain.intermediate()).signedBy(responder);
    // When the server staples it
    OcspStaple ocsp = session(scanStapling("127.0.91.3", good, chain)).ocsp();
    // Then it is good, signed by a delegate
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("good");
    assertThat(ocsp.signer()).isEqualTo("delegate");
  }

  @Test
  void responseSignedByAStrangerIsInvalidAndAFinding() throws IOException {
    // Given a staple saying "good" but signed by an OCSP responder of another CA
    TestPki.Issued otherCa = TestPki.certificate("CN=Stranger CA").ca().selfSigned();
    TestPki.Issued stranger =
        TestPki.certificate("CN=Stranger OCSP").ocspSigning().issuedBy(otherCa);
    byte[] forged = TestOcsp.about(chain.leaf(), chain.intermediate()).signedBy(stranger);
    // When it is scanned
    HostReport report = scanStapling("127.0.91.4", forged, chain);
    // Then the staple is not good: invalid, no signer, a high finding
    OcspStaple ocsp = session(report).ocsp();
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("invalid");
    assertThat(ocsp.signer()).isNull();
    assertThat(ocsp.problem()).contains("signature");
    assertThat(findingIds(report)).contains("ocsp.invalid");
  }

  @Test
  void responseWithoutOcspSigningFromTheIssuersOtherCertificateIsInvalid() throws IOException {
    // Given a staple signed by a certificate the issuer issued, but without id-kp-OCSPSigning
    TestPki.Issued notResponder =
        TestPki.certificate("CN=Not A Responder").issuedBy(chain.intermediate());
    byte[] response = TestOcsp.about(chain.leaf(), chain.intermediate()).signedBy(notResponder);
    // When the server staples it
    OcspStaple ocsp = session(scanStapling("127.0.91.5", response, chain)).ocsp();
    // Then it is not trusted as a delegate
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("invalid");
    assertThat(ocsp.signer()).isNull();
  }

  @Test
  void responseAboutAnotherCertificateIsInvalid() throws IOException {
    // Given a good staple, signed by the issuer, about another leaf of the same issuer
    TestPki.Issued other = TestPki.certificate("CN=other.test").issuedBy(chain.intermediate());
    byte[] response = TestOcsp.about(other, chain.intermediate()).signedBy(chain.intermediate());
    // When the server staples it
    OcspStaple ocsp = session(scanStapling("127.0.91.6", response, chain)).ocsp();
    // Then it says nothing about this leaf
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("invalid");
    assertThat(ocsp.problem()).contains("does not speak of the leaf");
  }

  @Test
  void responsePastItsNextUpdateIsStaleAndAFinding() throws IOException {
    // Given a good staple whose next_update was an hour ago
    byte[] old =
        TestOcsp.about(chain.leaf(), chain.intermediate())
            .updates(
                Instant.now().minus(Duration.ofDays(8)), Instant.now().minus(Duration.ofHours(1)))
            .signedBy(chain.intermediate());
    // When it is scanned
    HostReport report = scanStapling("127.0.91.7", old, chain);
    // Then it is stale (still good as signed) and a finding says so
    OcspStaple ocsp = session(report).ocsp();
    assertThat(ocsp.status()).isEqualTo("good");
    assertThat(ocsp.stale()).isTrue();
    assertThat(findingIds(report)).contains("ocsp.stale").doesNotContain("ocsp.revoked");
  }

  @Test
  void unsuccessfulResponseIsInvalid() throws IOException {
    // Given a staple that is a responder's "try later"
    OcspStaple ocsp = session(scanStapling("127.0.91.8", TestOcsp.tryLater(), chain)).ocsp();
    // Then there is no status to rely on
    assertThat(ocsp.status()).as("%s", ocsp).isEqualTo("invalid");
    assertThat(ocsp.problem()).contains("status 3");
  }

  @Test
  void serverWithoutStapleHasNoOcspAndCertificateWithoutSctsNone() throws IOException {
    // Given a server that staples nothing, with a certificate without SCTs
    try (OpenSslServer server = chain.openSslServer().host("127.0.91.9").start()) {
      // When it is scanned
      HostReport report = scans.scan(server.address());
      // Then the section says: no staple, no SCTs; and no OCSP finding
      SessionReport session = session(report);
      assertThat(session.ocsp()).isNull();
      assertThat(session.scts()).isEmpty();
      assertThat(findingIds(report)).noneMatch(id -> id.startsWith("ocsp."));
    }
  }

  @Test
  void sctsOfTheCertificateAndOfTheStapleAreListedWithTheirLogs() throws IOException {
    // Given a leaf with two embedded SCTs and a staple carrying a third
    byte[] logA = TestScts.logId(0xA1);
    byte[] logB = TestScts.logId(0xB2);
    byte[] logC = TestScts.logId(0xC3);
    TestPki.Issued leaf =
        TestPki.certificate("CN=" + HOST)
            .dns(HOST)
            .extension(
                TestScts.CERTIFICATE_EXTENSION,
                TestScts.extension(
                    List.of(new TestScts.Sct(logA, SEEN), new TestScts.Sct(logB, SEEN))))
            .issuedBy(chain.intermediate());
    TestChain withScts = new TestChain(chain.root(), chain.intermediate(), leaf);
    byte[] staple =
        TestOcsp.about(leaf, chain.intermediate())
            .extension(
                TestScts.OCSP_EXTENSION, TestScts.extension(List.of(new TestScts.Sct(logC, SEEN))))
            .signedBy(chain.intermediate());
    // When the server sends them
    SessionReport session = session(scanStapling("127.0.91.10", staple, withScts));
    // Then all three are listed, each with its source, log id and time
    Base64.Encoder base64 = Base64.getEncoder();
    assertThat(session.scts())
        .containsExactly(
            new SignedTimestamp("certificate", 0, base64.encodeToString(logA), SEEN),
            new SignedTimestamp("certificate", 0, base64.encodeToString(logB), SEEN),
            new SignedTimestamp("ocsp", 0, base64.encodeToString(logC), SEEN));
    assertThat(session.ocsp().status()).isEqualTo("good");
  }
}
