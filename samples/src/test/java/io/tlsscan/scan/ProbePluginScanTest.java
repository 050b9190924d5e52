package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.Section;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.Connector;
import io.tlsscan.net.HostResolver;
import io.tlsscan.net.NetworkContext;
import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.AfterProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.cert.CertProbe;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Probes run through the plug-in plumbing against real loopback servers: a probe plugged in from
 * outside gets what it requires and fills its section, the probes not asked for leave no trace, and
 * the protocols probe runs unasked when a raw hello must stand in for the handshake.
 */
class ProbePluginScanTest {
  /** The plugged-in probe's section: how many suites the ciphers probe found, in all versions. */
  private static final Section<Integer> SUITE_COUNT = new Section<>("suite_count");

  private static DemoFleet fleet;
  private static NetworkContext network;
  private static HostResolver resolver;

  @BeforeAll
  static void start() {
    fleet = DemoFleet.start();
    network = NetworkContext.create(1);
    resolver = new HostResolver(network, Duration.ofSeconds(5), List.of());
  }

  @AfterAll
  static void stop() {
    if (resolver != null) {
      resolver.close();
    }
    if (network != null) {
      network.close();
    }
    if (fleet != null) {
      fleet.close();
    }
  }

  /**
   * An after-probe that counts the accepted suites, under the {@code groups} word (the set of words
   * is closed; a new probe brings its own).
   */
  private record SuiteCount() implements AfterProbe<Integer> {
    @Override
    public ProbeKey<Integer> key() {
      return new ProbeKey<>(ProbeId.GROUPS);
    }

    @Override
    public Set<ProbeId> requires() {
      return Set.of(ProbeId.CIPHERS);
    }

    @Override
    public SectionFill<Integer, Integer> fills() {
      return SectionFill.of(SUITE_COUNT);
    }

    @Override
    public ProbeOutcome<Integer> derive(AfterProbeContext context) {
      if (context.handshake().isEmpty() || context.chain().isEmpty()) {
        return ProbeOutcome.failed(ErrorKind.HANDSHAKE_FAILED, "saw no handshake");
      }
      CipherSupport ciphers = context.result(CiphersProbe.KEY);
      return ProbeOutcome.completed(
          ciphers.byVersion().values().stream().mapToInt(List::size).sum());
    }
  }

  @Test
  void aPluggedInAfterProbeSeesItsInputsAndTheHandshake() throws Exception {
    // Given the real probes plus the plugged-in one, which alone is asked for
    ScanOptions options =
        ScanOptions.defaults()
            .withProbes(Set.of(ProbeId.GROUPS))
            .withTimeout(Duration.ofSeconds(10));
    HostReport report = scan(options, fleet.endpoint("good").hostLine());
    // Then it ran with the ciphers probe's result and the handshake, and filled its section
    assertThat(report.ok()).as("status of %s", report).isTrue();
    CipherSupport ciphers = report.ciphers().resultOrNull();
    assertThat(ciphers).as("ciphers, required, and shown").isNotNull();
    int suites = ciphers.byVersion().values().stream().mapToInt(List::size).sum();
    assertThat(suites).as("suites found").isPositive();
    assertThat(report.section(SUITE_COUNT)).isEqualTo(ProbeOutcome.completed(suites));
    assertThat(report.protocols().resultOrNull()).as("protocols, required, shown").isNotNull();
    // And the probe that was registered but not asked for left no trace
    assertThat(report.certificate()).isInstanceOf(ProbeOutcome.NotRun.class);
    assertThat(report.sections().keySet())
        .containsExactlyInAnyOrder(
            HostReport.HANDSHAKE, HostReport.PROTOCOLS, HostReport.CIPHERS, SUITE_COUNT);
  }

  @Test
  void whenOnlyTheCertificateIsAskedARawHelloStillStandsInForAHandshakeBoringSslCannotDo() {
    // Given a server that speaks only NULL suites, which BoringSSL does not offer
    TestChain chain = TestChain.rsa("Plugin Test", "plugin.test");
    try (OpenSslServer server =
            chain
                .openSslServer()
                .host("127.0.61.1")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("NULL-SHA256")
                .securityLevel(0)
                .start();
        Scanner certOnly =
            TestTargets.scanner(
                ScanOptions.defaults().withProbes(Set.of(ProbeId.CERT)), chain.root())) {
      // When only the certificate is asked for
      HostReport report = TestTargets.scan(certOnly, "plugin.test", server.address());
      // Then the protocols probe ran for the handshake's sake, and shows no section of its own
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.handshake().resultOrNull().source()).isEqualTo(Handshake.SOURCE_RAW_HELLO);
      assertThat(report.certificate().resultOrNull().chain()).hasSize(2);
      assertThat(report.connections()).as("connections").isGreaterThan(1);
      assertThat(report.sections().keySet())
          .containsExactlyInAnyOrder(HostReport.HANDSHAKE, HostReport.CERTIFICATE);
    }
  }

  /** Scans one host-list line with the real probes and {@link SuiteCount} registered. */
  private static HostReport scan(ScanOptions options, String hostLine) throws Exception {
    ConnectionRateLimiter unlimited = ConnectionRateLimiter.unlimited();
    Connector connector =
        new Connector(
            network, options.connectTimeout(), options.maxBytesPerConnection(), unlimited);
    RawHelloClient raw = new RawHelloClient(connector);
    CertificateAnalyzer analyzer =
        new CertificateAnalyzer(TrustAnchors.fromPemFile(fleet.caFile()));
    HostScanner scanner =
        new HostScanner(
            options,
            resolver,
            unlimited,
            new HandshakeProbe(connector, options.maxBytesPerConnection()),
            List.of(
                new CertProbe(() -> analyzer, Clock.systemUTC()),
                new ProtocolsProbe(raw),
                new CiphersProbe(raw),
                new SuiteCount()),
            Clock.systemUTC());
    Target target = (Target) new TargetParser().parse(hostLine, 1).findFirst().orElseThrow();
    return scanner.scan(target, Mono.never()).blockLast(Duration.ofSeconds(30));
  }
}
