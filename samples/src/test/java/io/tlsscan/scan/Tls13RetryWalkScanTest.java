package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ciphers and groups probes read TLS 1.3 suites and groups from one walk of HelloRetryRequests
 * when both run: the same sections as when each runs alone, in fewer connections when the server
 * has more than one of each, at most one more when it has a single group. Each OpenSSL server is
 * scanned four times: with the protocols probe only (the connections both probes share), with the
 * ciphers or the groups probe alone, and with both.
 */
class Tls13RetryWalkScanTest {
  private static TestChain chain;
  @AutoClose private static Scanner protocolsOnly;
  @AutoClose private static Scanner ciphersOnly;
  @AutoClose private static Scanner groupsOnly;
  @AutoClose private static Scanner ciphersAndGroups;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Walk Test", "walk.test");
    protocolsOnly = scanner(EnumSet.of(ProbeId.PROTOCOLS));
    ciphersOnly = scanner(EnumSet.of(ProbeId.CIPHERS));
    groupsOnly = scanner(EnumSet.of(ProbeId.GROUPS));
    ciphersAndGroups = scanner(EnumSet.of(ProbeId.CIPHERS, ProbeId.GROUPS));
  }

  private static Scanner scanner(EnumSet<ProbeId> probes) {
    return TestTargets.probing(probes, Duration.ofSeconds(15), chain.root());
  }

  /** What the four scans of one server showed. */
  private record Scans(
      HostReport protocols, HostReport ciphers, HostReport groups, HostReport both) {
    static Scans of(OpenSslServer server) {
      return new Scans(
          scan(protocolsOnly, server),
          scan(ciphersOnly, server),
          scan(groupsOnly, server),
          scan(ciphersAndGroups, server));
    }

    private static HostReport scan(Scanner scanner, OpenSslServer server) {
      HostReport report = TestTargets.scan(scanner, "walk.test", server.address());
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      return report;
    }

    /** Connections the two probes made on their own, less those of the scan with both. */
    int saved() {
      int alone = ciphers.connections() + groups.connections() - protocols.connections();
      return alone - both.connections();
    }

    void assertSameSections() {
      CipherSupport suites = both.ciphers().resultOrNull();
      assertThat(suites).isNotNull().isEqualTo(ciphers.ciphers().resultOrNull());
      assertThat(both.groups().resultOrNull())
          .isNotNull()
          .isEqualTo(groups.groups().resultOrNull());
    }
  }

  @Test
  void threeSuitesAndTenGroupsTakeTwoConnectionsFewer() {
    try (OpenSslServer server = chain.openSslServer().host("127.0.58.20").start()) {
      Scans scans = Scans.of(server);
      scans.assertSameSections();
      assertThat(scans.both().ciphers().resultOrNull().byVersion().get("TLSv1.3"))
          .hasSize(3)
          .allSatisfy(suite -> assertThat(suite.keyExchangeGroup()).isEqualTo("x25519"));
      assertThat(scans.both().groups().resultOrNull()).hasSize(10).startsWith("x25519");
      // Two HelloRetryRequests named a suite and a group each; alone, each probe asks for them
      assertThat(scans.saved()).isEqualTo(2);
    }
  }

  @Test
  void aServerPreferringAnotherGroupThanX25519KeepsTheFullHellosGroupOnItsSuites() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.58.21")
            .groups("X448:P-521:X25519")
            .arguments("-serverpref")
            .start()) {
      Scans scans = Scans.of(server);
      scans.assertSameSections();
      assertThat(scans.both().groups().resultOrNull())
          .containsExactly("x448", "secp521r1", "x25519");
      assertThat(scans.both().ciphers().resultOrNull().byVersion().get("TLSv1.3"))
          .hasSize(3)
          .allSatisfy(suite -> assertThat(suite.keyExchangeGroup()).isEqualTo("x25519"));
      // Three suites and three groups: the refusal of the third walk hello is told apart with one
      // more, and two HelloRetryRequests answered both probes
      assertThat(scans.saved()).isEqualTo(1);
    }
  }

  @Test
  void aServerWithOneGroupCostsOneConnectionMore() {
    try (OpenSslServer server = chain.openSslServer().host("127.0.58.22").groups("P-384").start()) {
      Scans scans = Scans.of(server);
      scans.assertSameSections();
      assertThat(scans.both().groups().resultOrNull()).isEqualTo(List.of("secp384r1"));
      assertThat(scans.both().ciphers().resultOrNull().byVersion().get("TLSv1.3"))
          .hasSize(3)
          .allSatisfy(suite -> assertThat(suite.keyExchangeGroup()).isEqualTo("secp384r1"));
      // The first walk hello's refusal is taken for the suites' end, wrongly: a hello with every
      // suite and the groups left shows it was the groups'
      assertThat(scans.saved()).isEqualTo(-1);
    }
  }
}
