package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suites that need a pre-shared key are not accepted for a client without one: a server with a key
 * set up has them listed by neither its versions nor its suites.
 */
class PreSharedKeySuitesTest {
  private static TestChain chain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("PSK Test", "psk.test");
    scanner = TestTargets.deepScanner(Duration.ofSeconds(15), chain.root());
  }

  @Test
  void pskSuitesAreLeftOutAndTheOthersListed() {
    // Given a server with a pre-shared key that prefers PSK suites to its one certificate suite
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.59.11")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("PSK-AES128-CBC-SHA:ECDHE-PSK-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256")
            .arguments("-psk", "1a2b3c4d", "-serverpref")
            .start()) {
      // When it is deep-scanned
      HostReport report = TestTargets.scan(scanner, "psk.test", server.address());

      // Then only the suite a keyless client can complete is listed
      List<String> names =
          report.ciphers().resultOrNull().byVersion().get("TLSv1.2").stream()
              .map(CipherInfo::name)
              .toList();
      assertThat(names).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    }
  }

  @Test
  void versionWithOnlyPskSuitesIsNotAccepted() {
    // Given TLS 1.2 with PSK suites only, next to TLS 1.3
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.59.12")
            .cipher("PSK-AES128-CBC-SHA:DHE-PSK-AES256-GCM-SHA384")
            .arguments("-psk", "1a2b3c4d")
            .start()) {
      HostReport report = TestTargets.scan(scanner, "psk.test", server.address());

      assertThat(report.protocols().resultOrNull().accepted())
          .containsEntry("TLSv1.2", false)
          .containsEntry("TLSv1.3", true);
      assertThat(report.ciphers().resultOrNull().byVersion()).doesNotContainKey("TLSv1.2");
    }
  }
}
