package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.tls.ProtocolVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deep scans of servers that make the raw probes take their less travelled paths: silence instead
 * of an answer, suites found in several offers, a HelloRetryRequest for every TLS 1.3 hello, none
 * for a hello without key share.
 */
class RawProbeEdgeCasesTest {
  private static final String DSS_AND_RSA_SUITES =
      "DHE-DSS-AES128-SHA:AES128-SHA:DHE-DSS-AES256-SHA:ECDHE-RSA-AES128-GCM-SHA256";

  private static TestChain chain;
  private static TestPki.Issued dsaLeaf;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Edge Test", "edge.test");
    dsaLeaf =
        TestPki.certificate("CN=edge.test")
            .key(TestPki.KeyType.DSA_2048)
            .dns("edge.test")
            .issuedBy(chain.intermediate());
    scanner = TestTargets.deepScanner(Duration.ofSeconds(15), chain.root());
  }

  private static HostReport scan(InetSocketAddress address) {
    return TestTargets.scan(scanner, "edge.test", address);
  }

  private static List<String> names(HostReport report, ProtocolVersion version) {
    CipherSupport ciphers = report.ciphers().resultOrNull();
    assertThat(ciphers).as("ciphers section of %s", report).isNotNull();
    return ciphers.byVersion().getOrDefault(version.reportName(), List.of()).stream()
        .map(CipherInfo::name)
        .toList();
  }

  @Test
  void serverSilentOnAnSslv2HelloStillGetsItsWholeDeepScan() {
    // Given a TLS 1.2 server that never answers an SSLv2 CLIENT-HELLO
    try (OpenSslServer server =
            chain
                .openSslServer()
                .host("127.0.58.1")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA")
                .start();
        FirstBytesRelay relay =
            FirstBytesRelay.start("127.0.58.2", server.address(), new SilentOnSslv2())) {
      // When it is deep-scanned
      HostReport report = scan(relay.address());
      // Then SSLv2 is "cannot tell" and everything else is found as usual
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.protocols()).isInstanceOf(ProbeOutcome.Completed.class);
      assertThat(report.ciphers()).isInstanceOf(ProbeOutcome.Completed.class);
      assertThat(report.groups()).isInstanceOf(ProbeOutcome.Completed.class);
      Map<String, Boolean> expected = new HashMap<>();
      expected.put("SSLv2", null);
      expected.put("SSLv3", false);
      expected.put("TLSv1.0", false);
      expected.put("TLSv1.1", false);
      expected.put("TLSv1.2", true);
      expected.put("TLSv1.3", false);
      assertThat(report.protocols().resultOrNull().accepted()).isEqualTo(expected);
      assertThat(names(report, ProtocolVersion.TLSv1_2))
          .containsExactlyInAnyOrder(
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA");
      assertThat(report.groups().resultOrNull()).contains("x25519", "secp256r1");
    }
  }

  @Test
  void suitesFromSeveralOffersAreRankedInTheServersOrder() {
    // Given a server with its own order whose suites lie in different hellos' worth of suites
    // (DSS suites are offered only after the common ones)
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.58.3")
            .only(ProtocolVersion.TLSv1_2)
            .dsaCertificate(dsaLeaf)
            .cipher(DSS_AND_RSA_SUITES)
            .securityLevel(0)
            .arguments("-serverpref")
            .start()) {
      HostReport report = scan(server.address());
      // Then the list is in the server's order, across the offers
      assertThat(names(report, ProtocolVersion.TLSv1_2))
          .containsExactly(
              "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
              "TLS_RSA_WITH_AES_128_CBC_SHA",
              "TLS_DHE_DSS_WITH_AES_256_CBC_SHA",
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
      assertThat(report.ciphers().resultOrNull().serverOrder()).isTrue();
    }
  }

  @Test
  void suitesFromSeveralOffersOfAServerThatFollowsTheClientHaveNoOrder() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.58.4")
            .only(ProtocolVersion.TLSv1_2)
            .dsaCertificate(dsaLeaf)
            .cipher(DSS_AND_RSA_SUITES)
            .securityLevel(0)
            .start()) {
      HostReport report = scan(server.address());
      assertThat(names(report, ProtocolVersion.TLSv1_2))
          .containsExactlyInAnyOrder(
              "TLS_DHE_DSS_WITH_AES_128_CBC_SHA",
              "TLS_RSA_WITH_AES_128_CBC_SHA",
              "TLS_DHE_DSS_WITH_AES_256_CBC_SHA",
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
      assertThat(report.ciphers().resultOrNull().serverOrder()).isFalse();
    }
  }

  @Test
  void tls13ServerThatRetriesEveryHelloIsEnumeratedFromItsRetryRequests() {
    // Given a TLS 1.3 server without x25519, the group of the probes' one key share
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.58.5")
            .only(ProtocolVersion.TLSv1_3)
            .ciphersuites("TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256")
            .groups("P-521:P-384")
            .arguments("-serverpref")
            .start()) {
      HostReport report = scan(server.address());
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.protocols().resultOrNull().accepted())
          .containsEntry("TLSv1.3", true)
          .containsEntry("TLSv1.2", false);
      assertThat(names(report, ProtocolVersion.TLSv1_3))
          .containsExactly("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
      assertThat(report.ciphers().resultOrNull().serverOrder()).isTrue();
      assertThat(report.groups().resultOrNull()).containsExactly("secp521r1", "secp384r1");
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=edge.test");
    }
  }

  @Test
  void tls13SuitesAreFoundFromRetryRequestsAndDespiteAServerThatNeverRetries() {
    // Given a TLS 1.3 server with three suites in an order of its own, reached through relays
    // that count the hellos without key share and let them through, refuse them (as a server
    // without HelloRetryRequest would), or leave them unanswered
    HelloGate counting = HelloGate.admitting(HelloGate::withoutKeyShare);
    HelloGate refusing = HelloGate.refusing(HelloGate::withoutKeyShare);
    HelloGate ignoring = HelloGate.ignoring(HelloGate::withoutKeyShare);
    try (OpenSslServer server =
            chain
                .openSslServer()
                .host("127.0.58.6")
                .only(ProtocolVersion.TLSv1_3)
                .ciphersuites(
                    "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256")
                .arguments("-serverpref")
                .start();
        FirstBytesRelay retrying = FirstBytesRelay.start("127.0.58.7", server.address(), counting);
        FirstBytesRelay refusingRelay =
            FirstBytesRelay.start("127.0.58.8", server.address(), refusing);
        FirstBytesRelay ignoringRelay =
            FirstBytesRelay.start("127.0.58.9", server.address(), ignoring);
        Scanner ciphersOnly =
            TestTargets.probing(
                EnumSet.of(ProbeId.CIPHERS), Duration.ofSeconds(15), chain.root())) {
      // When their suites are enumerated
      HostReport direct = TestTargets.scan(ciphersOnly, "edge.test", retrying.address());
      HostReport refused = TestTargets.scan(ciphersOnly, "edge.test", refusingRelay.address());
      HostReport ignored = TestTargets.scan(ciphersOnly, "edge.test", ignoringRelay.address());
      // Then all accept TLS 1.3 and list every suite in the server's order, each with the group of
      // the full hello
      for (HostReport report : List.of(direct, refused, ignored)) {
        assertThat(report.ok()).as("%s", report.error()).isTrue();
        assertThat(report.protocols().resultOrNull().accepted()).containsEntry("TLSv1.3", true);
        assertThat(names(report, ProtocolVersion.TLSv1_3))
            .as("TLS 1.3 suites of %s", report.target())
            .containsExactly(
                "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
        assertThat(report.ciphers().resultOrNull().serverOrder()).isTrue();
        assertThat(report.ciphers().resultOrNull().byVersion().get("TLSv1.3"))
            .extracting(CipherInfo::keyExchangeGroup)
            .containsOnly("x25519");
      }
      // The server that retries named the first suite to the protocols probe, two more and the
      // refusal of the rest in HelloRetryRequests; the others refused or ignored the protocols
      // probe's hello and the ciphers probe's first hello without key share, and full hellos went
      // on: one connection more for each probe
      assertThat(counting.matched()).isEqualTo(4);
      assertThat(refusing.matched()).isEqualTo(2);
      assertThat(ignoring.matched()).isEqualTo(2);
      assertThat(refused.connections()).isEqualTo(direct.connections() + 2);
      assertThat(ignored.connections()).isEqualTo(direct.connections() + 2);
    }
  }

  @Test
  void tls13IsAskedWithoutKeyShareAndOnlyADoubtfulRefusalCostsAFullHello() {
    // Given a server with TLS 1.3 that prefers x25519, then P-256, and one without TLS 1.3 (which
    // answers protocol_version), each reached directly, counting the hellos that offer TLS 1.3
    // alone, and through a relay that refuses hellos without key share with handshake_failure (as
    // a server without HelloRetryRequests, or a stack older than OpenSSL 1.1.1, does)
    HelloGate tls13Hellos = HelloGate.admitting(HelloGate::offersTls13Alone);
    HelloGate refusing = HelloGate.refusing(HelloGate::withoutKeyShare);
    HelloGate olderHellos = HelloGate.admitting(HelloGate::offersTls13Alone);
    HelloGate olderRefusing = HelloGate.refusing(HelloGate::withoutKeyShare);
    try (OpenSslServer tls13 =
            chain
                .openSslServer()
                .host("127.0.58.12")
                .groups("X25519:P-256")
                .arguments("-serverpref")
                .start();
        OpenSslServer older =
            chain.openSslServer().host("127.0.58.13").without(ProtocolVersion.TLSv1_3).start();
        FirstBytesRelay tls13Counted =
            FirstBytesRelay.start("127.0.58.14", tls13.address(), tls13Hellos);
        FirstBytesRelay tls13Refusing =
            FirstBytesRelay.start("127.0.58.15", tls13.address(), refusing);
        FirstBytesRelay olderCounted =
            FirstBytesRelay.start("127.0.58.16", older.address(), olderHellos);
        FirstBytesRelay olderRefusingRelay =
            FirstBytesRelay.start("127.0.58.17", older.address(), olderRefusing);
        Scanner groupsOnly =
            TestTargets.probing(EnumSet.of(ProbeId.GROUPS), Duration.ofSeconds(15), chain.root())) {
      // When their versions and groups are probed
      HostReport direct = TestTargets.scan(groupsOnly, "edge.test", tls13Counted.address());
      HostReport refused = TestTargets.scan(groupsOnly, "edge.test", tls13Refusing.address());
      HostReport olderDirect = TestTargets.scan(groupsOnly, "edge.test", olderCounted.address());
      HostReport olderRefused =
          TestTargets.scan(groupsOnly, "edge.test", olderRefusingRelay.address());
      // Then the TLS 1.3 server's HelloRetryRequest to the protocols probe named x25519, and the
      // groups probe asked only for the rest: P-256, then the refusal
      assertThat(direct.ok()).as("%s", direct.error()).isTrue();
      assertThat(direct.protocols().resultOrNull().accepted()).containsEntry("TLSv1.3", true);
      assertThat(direct.groups().resultOrNull()).containsExactly("x25519", "secp256r1");
      assertThat(tls13Hellos.matched()).isEqualTo(3);
      // A refusal of the hello without key share is checked with a full hello, which the server
      // takes: TLS 1.3 is not hidden (the groups probe, which needs HelloRetryRequests, finds none)
      assertThat(refused.protocols().resultOrNull().accepted()).containsEntry("TLSv1.3", true);
      assertThat(refusing.matched()).isEqualTo(2);
      // protocol_version is a refusal with no doubt: one TLS 1.3 hello, no full one after it
      assertThat(olderDirect.protocols().resultOrNull().accepted())
          .containsEntry("TLSv1.3", false)
          .containsEntry("TLSv1.2", true);
      assertThat(olderHellos.matched()).isEqualTo(1);
      // handshake_failure is not: the full hello costs one connection more, and is refused too
      assertThat(olderRefused.protocols().resultOrNull().accepted())
          .containsEntry("TLSv1.3", false)
          .containsEntry("TLSv1.2", true);
      assertThat(olderRefusing.matched()).isEqualTo(1);
      assertThat(olderRefused.connections()).isEqualTo(olderDirect.connections() + 1);
      assertThat(olderRefused.groups().resultOrNull())
          .isEqualTo(olderDirect.groups().resultOrNull())
          .contains("secp256r1");
    }
  }
}
