package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A full handshake that settles on an older version than the raw probes saw accepted is reported
 * as {@code handshake.version_fallback}, not passed over.
 */
class VersionFallbackTest {
  private static final String FALLBACK = "handshake.version_fallback";

  private static TestChain chain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Fallback Test", "fallback.test");
    scanner = TestTargets.deepScanner(Duration.ofSeconds(15), chain.root());
  }

  private static List<String> findingIds(HostReport report) {
    return report.findings().stream().map(Finding::id).toList();
  }

  @Test
  void tls13ThatOnlyTheRawProbesCanSpeakIsAFallback() {
    // Given TLS 1.3 with only TLS_AES_128_CCM_SHA256, which BoringSSL does not implement
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.59.1")
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .ciphersuites("TLS_AES_128_CCM_SHA256")
            .start()) {
      // When it is deep-scanned
      HostReport report = TestTargets.scan(scanner, "fallback.test", server.address());

      // Then the handshake is TLS 1.2, the probes show TLS 1.3, and the record says so
      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("TLSv1.2");
      assertThat(report.protocols().resultOrNull().accepts("TLSv1.3")).isTrue();
      assertThat(findingIds(report)).as("%s", report.findings()).contains(FALLBACK);
    }
  }

  @Test
  void handshakeOnTheNewestVersionIsNoFallback() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.59.2")
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .ciphersuites("TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256")
            .start()) {
      HostReport report = TestTargets.scan(scanner, "fallback.test", server.address());

      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("TLSv1.3");
      assertThat(findingIds(report)).as("%s", report.findings()).doesNotContain(FALLBACK);
    }
  }
}
