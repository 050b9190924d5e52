package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep scans ({@code --probes all}) of {@code openssl s_server} instances given exact protocol,
 * cipher and group lists: what the scan enumerates must equal what the server was given.
 */
class DeepScanOpenSslTest {
  private static TestChain chain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Deep Test", "deep.test");
    scanner = TestTargets.deepScanner(Duration.ofSeconds(20), chain.root());
  }

  private static HostReport scan(OpenSslServer server) {
    return TestTargets.scan(scanner, "deep.test", server.address());
  }

  private static List<String> names(HostReport report, String version) {
    CipherSupport ciphers = report.ciphers().resultOrNull();
    assertThat(ciphers).as("ciphers section of %s", report).isNotNull();
    return ciphers.byVersion().getOrDefault(version, List.of()).stream()
        .map(CipherInfo::name)
        .toList();
  }

  private static Map<String, Boolean> protocols(HostReport report) {
    assertThat(report.protocols().resultOrNull()).as("protocols section of %s", report).isNotNull();
    return report.protocols().resultOrNull().accepted();
  }

  @Test
  void tls12ServerWithItsOwnOrderIsEnumeratedExactlyInThatOrder() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.1")
            .only(ProtocolVersion.TLSv1_2)
            .cipher(
                "ECDHE-RSA-AES256-GCM-SHA384:AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256")
            .arguments("-serverpref")
            .start()) {
      HostReport report = scan(server);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(protocols(report))
          .containsEntry("TLSv1.2", true)
          .containsEntry("TLSv1.3", false)
          .containsEntry("TLSv1.1", false)
          .containsEntry("TLSv1.0", false)
          .containsEntry("SSLv3", false)
          .containsEntry("SSLv2", false);
      assertThat(names(report, "TLSv1.2"))
          .containsExactly(
              "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
              "TLS_RSA_WITH_AES_128_CBC_SHA",
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
      assertThat(report.ciphers().resultOrNull().serverOrder()).isTrue();
      assertThat(report.certificate().resultOrNull().trusted()).isTrue();
      // every probe included: an RSA server costs more than the typical one (ROBOT's five, eight
      // for its signature algorithms); PolicyFleetTest holds typical servers to a median of 50
      assertThat(report.connections()).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void serverThatFollowsTheClientOrderIsSaidToHaveNoOrder() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.2")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA")
            .start()) {
      HostReport report = scan(server);
      assertThat(names(report, "TLSv1.2"))
          .containsExactlyInAnyOrder(
              "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
              "TLS_RSA_WITH_AES_256_CBC_SHA");
      assertThat(report.ciphers().resultOrNull().serverOrder()).isFalse();
    }
  }

  @Test
  void tls13SuitesAndGroupsAreEnumerated() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.3")
            .only(ProtocolVersion.TLSv1_3)
            .ciphersuites("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256")
            .groups("P-384:X25519")
            .start()) {
      HostReport report = scan(server);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(protocols(report)).containsEntry("TLSv1.3", true).containsEntry("TLSv1.2", false);
      assertThat(names(report, "TLSv1.3"))
          .containsExactlyInAnyOrder("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
      assertThat(report.groups().resultOrNull()).containsExactlyInAnyOrder("secp384r1", "x25519");
    }
  }

  @Test
  void tls12ServerWithAnRfc7919PrimeShowsThatGroup() {
    // Given a TLS 1.2 server whose DHE parameters are RFC 7919's ffdhe3072
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.20")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256")
            .dhParameters(
                DHStandardGroups.rfc7919_ffdhe3072.getP(),
                DHStandardGroups.rfc7919_ffdhe3072.getG())
            .start()) {
      HostReport report = scan(server);
      // Then the groups list it among the finite-field groups, and so does its DHE suite
      assertThat(report.groups().resultOrNull())
          .as("%s", report.groups())
          .contains("x25519", "ffdhe3072")
          .doesNotContain("ffdhe2048", "ffdhe4096", "ffdhe6144", "ffdhe8192");
      assertThat(dhe(report).keyExchangeGroup()).isEqualTo("ffdhe3072");
      assertThat(dhe(report).keyExchangeBits()).isEqualTo(3072);
    }
  }

  @Test
  void tls12ServerWithDhParametersOfItsOwnShowsNoFiniteFieldGroup() {
    // Given a TLS 1.2 server whose DHE prime is RFC 3526's, no named group of RFC 7919
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.21")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256")
            .dhParameters(
                DHStandardGroups.rfc3526_2048.getP(), DHStandardGroups.rfc3526_2048.getG())
            .start()) {
      HostReport report = scan(server);
      // Then no ffdhe group is listed, and the DHE suite shows only the prime's size
      assertThat(report.groups().resultOrNull())
          .as("%s", report.groups())
          .contains("x25519")
          .noneMatch(group -> group.startsWith("ffdhe"));
      assertThat(dhe(report).keyExchangeGroup()).isNull();
      assertThat(dhe(report).keyExchangeBits()).isEqualTo(2048);
    }
  }

  @Test
  void jsseWithTls12OnlyNegotiatesEveryRfc7919Group() {
    // Given JSSE speaking TLS 1.2 only, which takes the client's RFC 7919 groups for DHE
    try (InteropServer server = chain.interopServer(InteropStack.JSSE, "127.0.55.22", "TLSv1.2")) {
      HostReport report = TestTargets.scan(scanner, "deep.test", server.address());
      // Then each of them is listed after its curves
      assertThat(report.groups().resultOrNull())
          .as("%s", report.groups())
          .containsSubsequence("secp256r1", "ffdhe2048")
          .contains("ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192");
    }
  }

  /** The record's first TLS 1.2 DHE suite. */
  private static CipherInfo dhe(HostReport report) {
    return report.ciphers().resultOrNull().byVersion().get("TLSv1.2").stream()
        .filter(cipher -> cipher.name().startsWith("TLS_DHE_"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void legacyServerShowsEveryOldVersionAndItsWeakSuites() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.4")
            .without(ProtocolVersion.TLSv1_3)
            .cipher("AES128-SHA:CAMELLIA256-SHA:ECDHE-RSA-AES128-SHA")
            .securityLevel(0)
            .arguments("-serverpref")
            .start()) {
      HostReport report = scan(server);
      assertThat(protocols(report))
          .containsEntry("TLSv1.0", true)
          .containsEntry("TLSv1.1", true)
          .containsEntry("TLSv1.2", true)
          .containsEntry("TLSv1.3", false);
      for (String version : List.of("TLSv1.0", "TLSv1.1", "TLSv1.2")) {
        assertThat(names(report, version))
            .as(version)
            .containsExactly(
                "TLS_RSA_WITH_AES_128_CBC_SHA",
                "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
      }
      assertThat(report.ciphers().resultOrNull().byVersion().get("TLSv1.2"))
          .extracting(CipherInfo::strength)
          .containsOnly("weak");
      assertThat(report.groups().resultOrNull()).contains("x25519", "secp256r1");
    }
  }

  @Test
  void nullOnlyServerStillHasItsCertificateReportedFromARawHello() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.5")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("NULL-SHA256:NULL-SHA")
            .securityLevel(0)
            .start()) {
      HostReport report = scan(server);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      Handshake handshake = report.handshake().resultOrNull();
      assertThat(handshake.source()).isEqualTo(Handshake.SOURCE_RAW_HELLO);
      assertThat(handshake.protocol()).isEqualTo("TLSv1.2");
      assertThat(handshake.cipher()).startsWith("TLS_RSA_WITH_NULL_");
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=deep.test");
      assertThat(names(report, "TLSv1.2"))
          .containsExactlyInAnyOrder("TLS_RSA_WITH_NULL_SHA256", "TLS_RSA_WITH_NULL_SHA");
      assertThat(report.ciphers().resultOrNull().byVersion().get("TLSv1.2"))
          .allSatisfy(c -> assertThat(c.strength()).isEqualTo("insecure"));
    }
  }

  @Test
  void dheOnlyServerShowsItsCertificateAndItsWeakPrime() {
    BigInteger prime = BigInteger.probablePrime(1024, new SecureRandom());
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.6")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA256")
            .dhParameters(prime, BigInteger.TWO)
            .securityLevel(0)
            .start()) {
      HostReport report = scan(server);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.handshake().resultOrNull().source()).isEqualTo(Handshake.SOURCE_RAW_HELLO);
      assertThat(report.certificate().resultOrNull().chain()).hasSize(2);
      List<CipherInfo> suites = report.ciphers().resultOrNull().byVersion().get("TLSv1.2");
      assertThat(suites)
          .extracting(CipherInfo::name)
          .containsExactlyInAnyOrder(
              "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256");
      assertThat(suites).allSatisfy(c -> assertThat(c.keyExchangeBits()).isEqualTo(1024));
      assertThat(suites).allSatisfy(c -> assertThat(c.strength()).isEqualTo("weak"));
    }
  }

  @Test
  void anonymousOnlyServerIsScannedAndSaysItHasNoCertificate() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.55.7")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ADH-AES128-SHA:AECDH-AES128-SHA")
            .securityLevel(0)
            .start()) {
      HostReport report = scan(server);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.certificate().resultOrNull()).isNull();
      assertThat(names(report, "TLSv1.2"))
          .containsExactlyInAnyOrder(
              "TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA");
    }
  }

  @Test
  void onlyTheProbesAskedForAreRun() {
    try (OpenSslServer server = chain.openSslServer().host("127.0.55.8").start();
        Scanner certOnly =
            TestTargets.scanner(
                ScanOptions.defaults().withProbes(Set.of(ProbeId.CERT)), chain.root())) {
      HostReport report = TestTargets.scan(certOnly, "deep.test", server.address());
      assertThat(report.connections()).isEqualTo(1);
      assertThat(report.protocols().resultOrNull()).isNull();
      assertThat(report.ciphers().resultOrNull()).isNull();
      assertThat(report.certificate().resultOrNull()).isNotNull();
    }
  }
}
