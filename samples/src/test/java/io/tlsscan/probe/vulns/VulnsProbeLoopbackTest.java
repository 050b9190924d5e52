package io.tlsscan.probe.vulns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.NetworkContext;
import io.tlsscan.probe.ProbeContexts;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeResults;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.interop.ServerCredentials;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.tls.ProtocolVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vulns probe's wire checks against servers that must pass ({@code openssl s_server} 3.0 and a
 * {@link LegacyTlsServer} without flaws) and servers that must fail (a {@link LegacyTlsServer} that
 * answers the way the vulnerable implementations did). The protocols and ciphers probes run first,
 * as in a scan, and give the vulns probe its inputs.
 */
class VulnsProbeLoopbackTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration LISTEN = Duration.ofMillis(700);
  private static final int SSL3 = 0x0300;
  private static final int TLS12 = 0x0303;
  private static final List<Integer> CBC_SUITES = List.of(0x002F, 0x000A);

  private static NetworkContext network;
  private static Connector connector;
  private static RawHelloClient raw;
  private static TestChain chain;

  @BeforeAll
  static void setUp() {
    network = NetworkContext.create(1);
    connector =
        new Connector(
            network, Duration.ofSeconds(5), 256 * 1024, ConnectionRateLimiter.unlimited());
    raw = new RawHelloClient(connector);
    chain = TestChain.rsa("Vulns Test", "vulns.test");
  }

  @AfterAll
  static void tearDown() {
    network.close();
  }

  /**
   * The vulns probe's result for a server, the connections it alone made, and the protocols and
   * ciphers it started from (shown when an assertion fails).
   */
  private record Scan(
      Vulnerabilities vulnerabilities,
      int connections,
      ProtocolSupport protocols,
      CipherSupport ciphers) {
    WeaknessVerdict verdict(Weakness weakness) {
      return vulnerabilities.verdict(weakness);
    }
  }

  private static Scan scan(InetSocketAddress address) {
    AtomicInteger connections = new AtomicInteger();
    ConnectionTracker counting =
        new ConnectionTracker() {
          @Override
          public void connecting() {
            connections.incrementAndGet();
          }

          @Override
          public void connected() {}
        };
    ProbeTarget target = new ProbeTarget(Endpoint.tls(address, "vulns.test"), counting, 2);
    ProtocolsResult protocols =
        new ProtocolsProbe(raw).run(ProbeContexts.alone(target, ProbeResults.NONE)).block(WAIT);
    ProbeResults forCiphers = ProbeResults.of(Map.of(ProbeId.PROTOCOLS, protocols));
    CipherSupport ciphers =
        new CiphersProbe(raw).run(ProbeContexts.alone(target, forCiphers)).block(WAIT);
    ProbeResults inputs =
        ProbeResults.of(Map.of(ProbeId.PROTOCOLS, protocols, ProbeId.CIPHERS, ciphers));
    int before = connections.get();
    Vulnerabilities result =
        new VulnsProbe(raw, LISTEN).run(ProbeContexts.alone(target, inputs)).block(WAIT);
    return new Scan(result, connections.get() - before, protocols.support(), ciphers);
  }

  private static WeaknessVerdict yes() {
    return new WeaknessVerdict.Decided(true);
  }

  private static WeaknessVerdict no() {
    return new WeaknessVerdict.Decided(false);
  }

  private static void assertHealthyOnTheWire(Scan scan) {
    assertThat(scan.verdict(Weakness.HEARTBLEED)).as("heartbleed %s", scan).isEqualTo(no());
    assertThat(scan.verdict(Weakness.CCS_INJECTION)).as("ccs %s", scan).isEqualTo(no());
    assertThat(scan.verdict(Weakness.COMPRESSION)).as("compression %s", scan).isEqualTo(no());
    assertThat(scan.verdict(Weakness.SECURE_RENEGOTIATION)).as("reneg %s", scan).isEqualTo(yes());
  }

  /**
   * Vulnerable: a double that leaks memory into heartbeat replies (OpenSSL 1.0.1-1.0.1f), takes an
   * early ChangeCipherSpec (OpenSSL before 1.0.1h), compresses, sends no renegotiation_info and
   * ignores TLS_FALLBACK_SCSV.
   */
  @Test
  void everyWireFlawOfAnOldStackIsFound() throws Exception {
    LegacyTlsServer.Flaws all = new LegacyTlsServer.Flaws(true, true, true, true, true, false);
    try (LegacyTlsServer server = new LegacyTlsServer("127.0.147.1", TLS12, CBC_SUITES, all)) {
      Scan scan = scan(server.address());
      assertThat(scan.verdict(Weakness.HEARTBLEED)).as("%s", scan).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.CCS_INJECTION)).as("%s", scan).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.COMPRESSION)).as("%s", scan).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.SECURE_RENEGOTIATION)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.FALLBACK_SCSV)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.SWEET32)).as("3DES is offered").isEqualTo(yes());
      assertThat(scan.verdict(Weakness.CLIENT_RENEGOTIATION))
          .as("the double completes no handshake: %s", scan)
          .isInstanceOf(WeaknessVerdict.Undecided.class);
      assertThat(scan.verdict(Weakness.ROBOT))
          .as("no certificate to encrypt to: %s", scan)
          .isInstanceOf(WeaknessVerdict.Undecided.class);
      assertThat(scan.verdict(Weakness.TICKETBLEED))
          .as("its ServerHello promises no ticket (RFC 5077 section 3.2): none to resume, %s", scan)
          .isEqualTo(no());
      assertThat(scan.connections())
          .as(
              "one connection per raw wire check, one ROBOT round of five (the same reaction to"
                  + " every message), one for the failed full handshake")
          .isEqualTo(9);
    }
  }

  /** Healthy: the same double without its flaws. */
  @Test
  void theSameDoubleWithoutFlawsPassesEveryWireCheck() throws Exception {
    try (LegacyTlsServer server =
        new LegacyTlsServer("127.0.147.2", TLS12, List.of(0x002F), LegacyTlsServer.Flaws.NONE)) {
      Scan scan = scan(server.address());
      assertHealthyOnTheWire(scan);
      assertThat(scan.verdict(Weakness.FALLBACK_SCSV)).as("%s", scan).isEqualTo(yes());
    }
  }

  /** Each flaw alone is found alone: no check borrows another's evidence. */
  @Test
  void oneFlawAtATime() throws Exception {
    try (LegacyTlsServer heartbleed =
            new LegacyTlsServer(
                "127.0.147.3",
                TLS12,
                CBC_SUITES,
                new LegacyTlsServer.Flaws(true, false, false, false, false, false));
        LegacyTlsServer ccs =
            new LegacyTlsServer(
                "127.0.147.4",
                TLS12,
                CBC_SUITES,
                new LegacyTlsServer.Flaws(false, true, false, false, false, false))) {
      Scan bleeding = scan(heartbleed.address());
      assertThat(bleeding.verdict(Weakness.HEARTBLEED)).isEqualTo(yes());
      assertThat(bleeding.verdict(Weakness.CCS_INJECTION)).isEqualTo(no());
      assertThat(bleeding.verdict(Weakness.FALLBACK_SCSV)).isEqualTo(yes());
      Scan injectable = scan(ccs.address());
      assertThat(injectable.verdict(Weakness.CCS_INJECTION)).isEqualTo(yes());
      assertThat(injectable.verdict(Weakness.HEARTBLEED)).isEqualTo(no());
      assertThat(injectable.verdict(Weakness.SECURE_RENEGOTIATION)).isEqualTo(yes());
      assertThat(bleeding.connections())
          .as(
              "a server that agrees to heartbeats gets the heartbeat on the hello's connection,"
                  + " and the early ChangeCipherSpec on one of its own")
          .isEqualTo(injectable.connections() + 1);
    }
  }

  /**
   * An SSLv3 hello carries no extensions, so an SSLv3-only server cannot show that it agrees to
   * heartbeats: it gets the heartbeat request anyway. Vulnerable: the double that answers it with
   * its memory (OpenSSL 1.0.1-1.0.1f took heartbeats on any version). Healthy: the same without the
   * flaw.
   */
  @Test
  void sslv3OnlyServerGetsTheHeartbeatItsHelloCouldNotOffer() throws Exception {
    try (LegacyTlsServer bleeding =
            new LegacyTlsServer(
                "127.0.147.23",
                SSL3,
                CBC_SUITES,
                new LegacyTlsServer.Flaws(true, false, false, false, false, false));
        LegacyTlsServer healthy =
            new LegacyTlsServer("127.0.147.24", SSL3, CBC_SUITES, LegacyTlsServer.Flaws.NONE)) {
      Scan leaking = scan(bleeding.address());
      assertThat(leaking.verdict(Weakness.HEARTBLEED)).as("%s", leaking).isEqualTo(yes());
      Scan sound = scan(healthy.address());
      assertThat(sound.verdict(Weakness.HEARTBLEED)).as("%s", sound).isEqualTo(no());
      assertThat(sound.verdict(Weakness.CCS_INJECTION)).as("%s", sound).isEqualTo(no());
      assertThat(sound.connections())
          .as("the heartbeat takes the hello's connection: ccs_injection makes its own")
          .isEqualTo(leaking.connections());
    }
  }

  /**
   * lighttpd with wolfSSL and a self-signed certificate drops any hello that asks for an OCSP
   * staple. The full handshake of client_renegotiation and ticketbleed asks for none, so it
   * completes and both are decided: wolfSSL refuses the renegotiation and promises no ticket.
   */
  @Test
  void wolfSslWithASelfSignedCertificateCompletesTheFullHandshake() {
    assumeTrue(InteropStack.LIGHTTPD_WOLFSSL.missing().isEmpty(), "lighttpd with wolfSSL");
    TestPki.Issued selfSigned =
        TestPki.certificate("CN=vulns.test")
            .key(TestPki.KeyType.EC_P256)
            .dns("vulns.test")
            .selfSigned();
    try (InteropServer server =
        InteropStack.LIGHTTPD_WOLFSSL.start(
            "127.0.147.25", directory -> ServerCredentials.write(directory, selfSigned), "")) {
      Scan scan = scan(server.address());
      assertThat(scan.verdict(Weakness.CLIENT_RENEGOTIATION)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.TICKETBLEED)).as("%s", scan).isEqualTo(no());
    }
  }

  /** Healthy: a modern OpenSSL 3.0 with TLS 1.2 and 1.3: no weakness at all. */
  @Test
  void modernOpenSslHasNoWeakness() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.147.5")
            .without(ProtocolVersion.TLSv1_1)
            .without(ProtocolVersion.TLSv1_0)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305")
            .start()) {
      Scan scan = scan(server.address());
      assertHealthyOnTheWire(scan);
      assertThat(scan.verdict(Weakness.CLIENT_RENEGOTIATION)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.ROBOT)).as("no RSA key exchange").isEqualTo(no());
      assertThat(scan.verdict(Weakness.TICKETBLEED)).as("%s", scan).isEqualTo(no());
      assertThat(scan.connections())
          .as(
              "one for heartbleed, compression, secure_renegotiation and ccs_injection (no"
                  + " heartbeat agreed), fallback_scsv's, the renegotiating handshake, the one"
                  + " asking for a ticket and ticketbleed's resumption; none for ROBOT without RSA"
                  + " key exchange")
          .isEqualTo(5);
      assertThat(scan.vulnerabilities().problems()).as("%s", scan).isEmpty();
      assertThat(scan.verdict(Weakness.FALLBACK_SCSV)).isEqualTo(yes());
      assertThat(scan.vulnerabilities().verdicts().values())
          .as("every check decided: %s", scan)
          .allMatch(WeaknessVerdict.Decided.class::isInstance);
    }
  }

  /**
   * Healthy on the wire: OpenSSL 3.0 as {@code s_server} starts with no option but its certificate
   * (TLS 1.2 and 1.3, tickets, RSA key exchange among its suites). Every check is decided, and the
   * only one true is Lucky13: the default cipher list has AES-CBC suites.
   */
  @Test
  void openSslDefaultsHaveNoFlawOnTheWire() {
    try (OpenSslServer server = chain.openSslServer().host("127.0.147.17").start()) {
      Scan scan = scan(server.address());
      assertThat(scan.vulnerabilities().verdicts().keySet()).containsExactly(Weakness.values());
      assertThat(scan.vulnerabilities().verdicts().values())
          .as("every check decided: %s", scan)
          .allMatch(WeaknessVerdict.Decided.class::isInstance);
      assertThat(scan.vulnerabilities().problems())
          .as("%s", scan)
          .isEqualTo(Map.of(Weakness.LUCKY13, true));
      assertThat(scan.connections())
          .as(
              "one for heartbleed, compression, secure_renegotiation and ccs_injection (no"
                  + " heartbeat agreed), fallback_scsv's, the renegotiating handshake, the one"
                  + " asking for a ticket, ticketbleed's resumption, one ROBOT round of 5")
          .isEqualTo(10);
    }
  }

  /**
   * Healthy on the wire, weak in its suites: OpenSSL 3.0 with every suite at security level 0, TLS
   * 1.0 to 1.2, legacy renegotiation allowed. The wire checks pass; the suites give BEAST and
   * Lucky13 (CBC), and Logjam (anonymous DH suites on a 1024-bit group); this OpenSSL has no 3DES,
   * so no SWEET32.
   */
  @Test
  void permissiveOpenSslPassesTheWireChecksAndFailsOnItsSuites() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.147.6")
            .without(ProtocolVersion.TLSv1_3)
            .cipher("ALL")
            .securityLevel(0)
            .arguments("-legacy_renegotiation")
            .start()) {
      Scan scan = scan(server.address());
      assertHealthyOnTheWire(scan);
      assertThat(scan.verdict(Weakness.FALLBACK_SCSV)).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.SWEET32)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.LOGJAM)).as("%s", scan).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.BEAST)).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.LUCKY13)).isEqualTo(yes());
      assertThat(scan.verdict(Weakness.DROWN)).isEqualTo(no());
      assertThat(scan.verdict(Weakness.POODLE_SSL3)).isEqualTo(no());
    }
  }

  /**
   * A TLS 1.3-only server: nothing to fall back to (undecided), the TLS 1.2 attacks need no
   * connection.
   */
  @Test
  void tls13OnlyServerCostsOneConnectionAtMostAndLeavesFallbackUndecided() {
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.147.7").only(ProtocolVersion.TLSv1_3).start()) {
      Scan scan = scan(server.address());
      assertHealthyOnTheWire(scan);
      assertThat(scan.verdict(Weakness.FALLBACK_SCSV))
          .isInstanceOf(WeaknessVerdict.Undecided.class);
      assertThat(scan.connections()).isZero();
    }
  }

  /**
   * Vulnerable and healthy renegotiation: OpenSSL 3.0 refuses a renegotiation the client starts
   * unless {@code -client_renegotiation} allows it.
   */
  @Test
  void clientRenegotiationIsTrueOnlyWhenTheServerAllowsIt() {
    try (OpenSslServer allowing =
            chain
                .openSslServer()
                .host("127.0.147.8")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .arguments("-client_renegotiation")
                .start();
        OpenSslServer refusing =
            chain
                .openSslServer()
                .host("127.0.147.9")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start()) {
      Scan allowed = scan(allowing.address());
      assertThat(allowed.verdict(Weakness.CLIENT_RENEGOTIATION))
          .as("%s\n%s", allowed, allowing.output())
          .isEqualTo(yes());
      Scan refused = scan(refusing.address());
      assertThat(refused.verdict(Weakness.CLIENT_RENEGOTIATION))
          .as("%s\n%s", refused, refusing.output())
          .isEqualTo(no());
      assertHealthyOnTheWire(refused);
    }
  }

  /**
   * A server without secure renegotiation (RFC 5746) that renegotiates anyway is the worst case,
   * and is asked too: gnutls-serv with {@code %DISABLE_SAFE_RENEGOTIATION} answers the
   * renegotiating hello with its ServerHello (as {@code openssl s_client -legacy_renegotiation} and
   * "R" show). OpenSSL refusing it is in {@link
   * #clientRenegotiationIsTrueOnlyWhenTheServerAllowsIt}.
   */
  @Test
  void serverWithoutSecureRenegotiationThatRenegotiatesIsFound() {
    assumeTrue(InteropStack.GNUTLS_SERV.missing().isEmpty(), "gnutls-serv");
    try (InteropServer server =
        chain.interopServer(
            InteropStack.GNUTLS_SERV,
            "127.0.147.31",
            "NORMAL:-VERS-TLS1.3:%DISABLE_SAFE_RENEGOTIATION")) {
      Scan scan = scan(server.address());
      assertThat(scan.verdict(Weakness.SECURE_RENEGOTIATION)).as("%s", scan).isEqualTo(no());
      assertThat(scan.verdict(Weakness.CLIENT_RENEGOTIATION)).as("%s", scan).isEqualTo(yes());
    }
  }

  /**
   * The renegotiating hello goes under the keys of each record protection the full handshake
   * speaks, and OpenSSL with {@code -client_renegotiation} answers it with its ServerHello only
   * when it could decrypt it: AES-GCM over P-384, ChaCha20-Poly1305, AES-CBC with HMAC-SHA-1 over
   * ECDHE, and static RSA key exchange with AES-CBC-SHA256 and AES-GCM. Each ticket comes from a
   * full handshake with that suite too, and the resumption from it echoes the session id sent.
   */
  @ParameterizedTest
  @CsvSource({
    "127.0.147.26, ECDHE-RSA-AES256-GCM-SHA384, P-384",
    "127.0.147.27, ECDHE-RSA-CHACHA20-POLY1305, X25519",
    "127.0.147.28, ECDHE-RSA-AES128-SHA, P-256",
    "127.0.147.29, AES256-SHA256, X25519",
    "127.0.147.30, AES128-GCM-SHA256, X25519"
  })
  void clientRenegotiationIsReadUnderEveryRecordProtection(
      String host, String cipher, String group) {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host(host)
            .only(ProtocolVersion.TLSv1_2)
            .cipher(cipher)
            .groups(group)
            .arguments("-client_renegotiation")
            .start()) {
      Scan scan = scan(server.address());
      assertThat(scan.verdict(Weakness.CLIENT_RENEGOTIATION))
          .as("%s\n%s", scan, server.output())
          .isEqualTo(yes());
      assertThat(scan.verdict(Weakness.TICKETBLEED))
          .as("%s\n%s", scan, server.output())
          .isEqualTo(no());
    }
  }

  /**
   * ROBOT. Vulnerable: a double that tells a correctly padded RSA secret from a broken one by its
   * alert, as the oracles of the ROBOT paper did. Healthy: the same double answering every key
   * exchange alike, and OpenSSL 3.0 with RSA key exchange.
   */
  @Test
  void robotIsTrueOnlyForAServerWhoseAnswerDependsOnThePadding() throws Exception {
    LegacyTlsServer.Flaws oracle =
        new LegacyTlsServer.Flaws(false, false, false, false, false, true);
    try (LegacyTlsServer leaking =
            new LegacyTlsServer("127.0.147.10", TLS12, List.of(0x002F), oracle, chain.leaf());
        LegacyTlsServer uniform =
            new LegacyTlsServer(
                "127.0.147.11", TLS12, List.of(0x002F), LegacyTlsServer.Flaws.NONE, chain.leaf());
        OpenSslServer openssl =
            chain
                .openSslServer()
                .host("127.0.147.12")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("AES128-SHA:AES256-GCM-SHA384")
                .start()) {
      Scan leaked = scan(leaking.address());
      assertThat(leaked.verdict(Weakness.ROBOT)).as("%s", leaked).isEqualTo(yes());
      Scan same = scan(uniform.address());
      assertThat(same.verdict(Weakness.ROBOT)).as("%s", same).isEqualTo(no());
      Scan real = scan(openssl.address());
      assertThat(real.verdict(Weakness.ROBOT)).as("%s", real).isEqualTo(no());
      assertHealthyOnTheWire(real);
    }
  }

  /**
   * Ticketbleed. Vulnerable: OpenSSL 3.0 behind a relay that makes its resumptions echo a 32-byte
   * session id for a 1-byte one, the rest being "memory", as F5 BIG-IP did before its fix for
   * CVE-2016-9244. Healthy: the same OpenSSL alone, which echoes the byte sent, and OpenSSL with
   * {@code -no_ticket}, which neither promises nor issues a ticket to resume with.
   */
  @Test
  void ticketbleedIsTrueOnlyWhenAResumptionEchoesMoreThanTheSessionIdSent() throws Exception {
    try (OpenSslServer behindRelay =
            chain
                .openSslServer()
                .host("127.0.147.13")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        TicketbleedRelay f5 = new TicketbleedRelay("127.0.147.14", behindRelay.address());
        OpenSslServer tickets =
            chain
                .openSslServer()
                .host("127.0.147.15")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        OpenSslServer noTickets =
            chain
                .openSslServer()
                .host("127.0.147.16")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .arguments("-no_ticket")
                .start()) {
      Scan leaking = scan(f5.address());
      assertThat(leaking.verdict(Weakness.TICKETBLEED))
          .as("%s\n%s", leaking, behindRelay.output())
          .isEqualTo(yes());
      assertHealthyOnTheWire(leaking);
      Scan echoing = scan(tickets.address());
      assertThat(echoing.verdict(Weakness.TICKETBLEED))
          .as("%s\n%s", echoing, tickets.output())
          .isEqualTo(no());
      assertThat(echoing.connections())
          .as(
              "%s: %s",
              echoing,
              "one for heartbleed and ccs_injection (no heartbeat agreed), the renegotiating"
                  + " handshake, the one asking for ticketbleed's ticket, its resumption; none for"
                  + " fallback_scsv with one version, nor ROBOT without RSA key exchange")
          .isEqualTo(4);
      Scan withoutTicket = scan(noTickets.address());
      assertThat(withoutTicket.verdict(Weakness.TICKETBLEED))
          .as("no ticket promised nor issued: none to resume from, %s", withoutTicket)
          .isEqualTo(no());
      assertThat(withoutTicket.connections())
          .as("no resumption without a ticket: %s", withoutTicket)
          .isEqualTo(2);
    }
  }

  /**
   * Ticketbleed is undecided, not false, when the ticket is not taken back: two OpenSSL servers,
   * each with its own ticket keys, behind a relay that alternates between them, as a pool behind a
   * load balancer. The ticket comes from the first, the resumption goes to the second, which makes
   * a full handshake: that says nothing about what the first would echo on a resumption.
   */
  @Test
  void ticketbleedIsUndecidedWhenTheServerDoesNotResume() throws Exception {
    try (OpenSslServer first =
            chain
                .openSslServer()
                .host("127.0.147.18")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        OpenSslServer second =
            chain
                .openSslServer()
                .host("127.0.147.19")
                .only(ProtocolVersion.TLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        RoundRobinRelay pool =
            new RoundRobinRelay("127.0.147.21", List.of(first.address(), second.address()))) {
      ProbeTarget direct =
          new ProbeTarget(Endpoint.tls(first.address(), "vulns.test"), ConnectionTracker.NONE, 1);
      ProtocolsResult protocols =
          new ProtocolsProbe(raw).run(ProbeContexts.alone(direct, ProbeResults.NONE)).block(WAIT);
      Tls12Checks check = new Tls12Checks(new Tls12Visits(raw));
      ProbeTarget balanced =
          new ProbeTarget(Endpoint.tls(pool.address(), "vulns.test"), ConnectionTracker.NONE, 1);

      WeaknessVerdict verdict =
          check.run(balanced, protocols).block(WAIT).get(Weakness.TICKETBLEED);

      assertThat(verdict)
          .as("%s\n%s\n%s", verdict, first.output(), second.output())
          .isInstanceOf(WeaknessVerdict.Undecided.class);
      assertThat(((WeaknessVerdict.Undecided) verdict).reason()).contains("did not resume");
    }
  }

  /**
   * Three scans of one OpenSSL decide both checks alike: each full handshake is a new session (a
   * resumption would bring no new ticket and leave ticketbleed undecided).
   */
  @Test
  void everyScanMakesAFullHandshakeOfItsOwn() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.147.22")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .start()) {
      for (int round = 1; round <= 3; round++) {
        assertThat(scan(server.address()).vulnerabilities().verdicts())
            .as("round %d\n%s", round, server.output())
            .containsEntry(Weakness.CLIENT_RENEGOTIATION, no())
            .containsEntry(Weakness.TICKETBLEED, no());
      }
    }
  }
}
