package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.HostReport;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.NetworkContext;
import io.tlsscan.probe.ProbeContexts;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeResults;
import io.tlsscan.probe.jarm.JarmProbe;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.testing.LoopbackSocketServer;
import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JARM, JA3S and JA4S of real servers on loopback: a fingerprint tells configurations and stacks
 * apart and stays the same across runs; a server that answers none of the hellos gets the
 * reference's all-zero JARM.
 */
class JarmScanTest {
  private static final String HOST = "jarm.test";
  private static final String ZERO = "0".repeat(62);

  private static TestChain chain;
  @AutoClose private static Scanner scanner;
  private static NetworkContext network;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Jarm Test", HOST);
    scanner = TestTargets.probing(EnumSet.of(ProbeId.JARM), Duration.ofSeconds(30), chain.root());
    network = NetworkContext.create(1);
  }

  @AfterAll
  static void tearDown() {
    if (network != null) {
      network.close();
    }
  }

  private static OpenSslServer tls12Only(String address) {
    return chain
        .openSslServer()
        .host(address)
        .only(ProtocolVersion.TLSv1_2)
        .cipher("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256")
        .arguments("-serverpref")
        .start();
  }

  private static Fingerprints fingerprints(HostReport report) {
    assertThat(report.ok()).as("%s", report.error()).isTrue();
    assertThat(report.sections()).as("sections of %s", report).containsKey(HostReport.FINGERPRINTS);
    Fingerprints fingerprints = report.fingerprints().resultOrNull();
    assertThat(fingerprints).as("fingerprints of %s", report).isNotNull();
    assertThat(fingerprints.jarm()).matches("[0-9a-f]{62}");
    assertThat(fingerprints.jarmAnswers()).hasSize(10);
    assertThat(fingerprints.serverHelloUnknown() == null)
        .as("JA3S known exactly when no reason is given: %s", fingerprints)
        .isEqualTo(fingerprints.ja3s() != null);
    return fingerprints;
  }

  private static Fingerprints scanServer(InetSocketAddress address) {
    return fingerprints(TestTargets.scan(scanner, HOST, address));
  }

  @Test
  void twoOpenSslConfigurationsDifferAndEachStaysTheSameAcrossRuns() {
    Fingerprints first;
    int connections;
    try (OpenSslServer server = tls12Only("127.0.58.1")) {
      HostReport report = TestTargets.scan(scanner, HOST, server.address());
      first = fingerprints(report);
      connections = report.connections();
    }
    Fingerprints second;
    try (OpenSslServer server = tls12Only("127.0.58.2")) {
      second = scanServer(server.address());
    }
    Fingerprints modern;
    try (OpenSslServer server = chain.openSslServer().host("127.0.58.3").start()) {
      modern = scanServer(server.address());
    }

    assertThat(second.jarm()).as("the same configuration again").isEqualTo(first.jarm());
    assertThat(second.jarmAnswers()).isEqualTo(first.jarmAnswers());
    assertThat(second.ja3s()).isEqualTo(first.ja3s());
    assertThat(modern.jarm()).as("TLS 1.3 with the defaults").isNotEqualTo(first.jarm());
    assertThat(connections)
        .as("the handshake, whose ServerHello JA3S is read from, plus JARM's ten hellos")
        .isEqualTo(11);

    // The TLS 1.2-only server answers each hello with TLS 1.2 and one of its two suites, or not
    // at all; the TLS 1.1 hello is refused.
    assertThat(first.jarmAnswers().get(5)).isEqualTo("|||");
    assertThat(first.jarmAnswers())
        .filteredOn(answer -> !answer.equals("|||"))
        .isNotEmpty()
        .allSatisfy(answer -> assertThat(answer).matches("c0(30|2f)\\|0303\\|.*"));
    assertThat(first.ja4s()).startsWith("t12").contains("_c030_");
    assertThat(first.ja3s()).matches("[0-9a-f]{32}");
    // The default server picks TLS 1.3 (legacy version 0303, supported_versions 002b) for the
    // TLS 1.3 hellos.
    assertThat(modern.jarmAnswers().get(6)).matches("130[1-3]\\|0303\\|.*002b.*");
    assertThat(modern.ja4s()).startsWith("t13");
  }

  @Test
  void gnutlsAndBoringSslDifferFromOpenSsl() throws Exception {
    Fingerprints openssl;
    try (OpenSslServer server = chain.openSslServer().host("127.0.58.4").start()) {
      openssl = scanServer(server.address());
    }
    Fingerprints gnutls;
    try (InteropServer server = chain.interopServer(InteropStack.GNUTLS_SERV, "127.0.58.5", "")) {
      gnutls = scanServer(server.address());
    }
    Fingerprints boringssl;
    try (DemoFleet fleet = DemoFleet.start(InetAddress.getByName("127.0.59.0"))) {
      DemoEndpoint good = fleet.loopback().endpoint("good");
      boringssl =
          fingerprints(
              TestTargets.scan(
                  scanner, good.host(), new InetSocketAddress(good.address(), good.port())));
    }
    assertThat(gnutls.jarm()).as("gnutls-serv against openssl").isNotEqualTo(openssl.jarm());
    assertThat(boringssl.jarm()).as("BoringSSL against openssl").isNotEqualTo(openssl.jarm());
    assertThat(boringssl.jarm()).as("BoringSSL against gnutls").isNotEqualTo(gnutls.jarm());
    assertThat(List.of(openssl.jarm(), gnutls.jarm(), boringssl.jarm())).doesNotContain(ZERO);
  }

  /**
   * The server takes P-384 only, so BoringSSL's x25519 share in the full handshake gets a
   * HelloRetryRequest first: JA3S and JA4S are still read from that handshake, with no hello of
   * their own. (OpenSSL's retry has the same extensions as its ServerHello; that the retry is
   * passed over is shown by {@code ServerHelloCaptureTest}.) A TLS 1.2 server that demands a client
   * certificate fails the full handshake: they come from one more, typical, hello.
   */
  @Test
  void ja3sComesFromTheFullHandshakeAfterARetryAndFromATypicalHelloWhenItFails() {
    HostReport retried;
    try (OpenSslServer server = chain.openSslServer().host("127.0.58.10").groups("P-384").start()) {
      retried = TestTargets.scan(scanner, HOST, server.address());
    }
    Fingerprints afterRetry = fingerprints(retried);
    // OpenSSL's TLS 1.3 ServerHello: TLS_AES_128_GCM_SHA256 (4865), supported_versions (43),
    // key_share (51)
    assertThat(afterRetry.ja3s()).isEqualTo(md5Hex("771,4865,43-51"));
    assertThat(afterRetry.ja4s()).isEqualTo("t130200_1301_a56c5b993250");
    assertThat(retried.connections()).as("the handshake and JARM's ten hellos").isEqualTo(11);

    HostReport demanding;
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.58.11")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES256-GCM-SHA384")
            .arguments("-Verify", "1")
            .start()) {
      demanding = TestTargets.scan(scanner, HOST, server.address());
    }
    assertThat(demanding.ok()).as("the full handshake fails").isFalse();
    Fingerprints typical = demanding.fingerprints().resultOrNull();
    assertThat(typical).as("%s", demanding).isNotNull();
    assertThat(typical.ja4s()).startsWith("t12").contains("_c030_");
    assertThat(typical.ja3s()).matches("[0-9a-f]{32}");
    assertThat(demanding.connections()).as("one more hello for JA3S").isEqualTo(12);
  }

  private static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * wolfSSL refuses an x25519 key share whose unused top bit is set (RFC 7748 has receivers mask
   * it): with random shares its TLS 1.3 answers, and so its JARM, would change from run to run.
   */
  @Test
  void wolfSslGetsTheSameFingerprintsEveryRun() {
    assumeTrue(InteropStack.LIGHTTPD_WOLFSSL.missing().isEmpty(), "lighttpd with wolfSSL");
    try (InteropServer server =
        chain.interopServer(InteropStack.LIGHTTPD_WOLFSSL, "127.0.58.9", "")) {
      Fingerprints first = scanServer(server.address());
      assertThat(first.jarmAnswers().get(6)).as("%s", first).matches("130[1-3]\\|0303\\|.*");
      assertThat(first.ja4s()).as("%s", first).startsWith("t13");
      for (int run = 2; run <= 4; run++) {
        Fingerprints again = scanServer(server.address());
        assertThat(again.jarm()).as("run %d: %s", run, again).isEqualTo(first.jarm());
        assertThat(again.ja3s()).as("run %d", run).isEqualTo(first.ja3s());
      }
    }
  }

  @Test
  void closedPortGivesTheAllZeroJarm() throws IOException {
    InetSocketAddress closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.58.6"))) {
      closed = new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
    }
    Fingerprints fingerprints = probe(closed, Duration.ofSeconds(3));
    assertThat(fingerprints.jarm()).isEqualTo(ZERO);
    assertThat(fingerprints.jarmAnswers()).containsOnly("|||");
    assertThat(fingerprints.ja3s()).isNull();
    assertThat(fingerprints.ja4s()).isNull();
    assertThat(fingerprints.serverHelloUnknown().kind()).isEqualTo(ErrorKind.REFUSED);
    assertThat(fingerprints.serverHelloUnknown().message()).startsWith("the typical hello: ");
  }

  @Test
  void httpServerGivesTheAllZeroJarm() throws Exception {
    try (LoopbackSocketServer http =
        answering("127.0.58.7", () -> "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
      Fingerprints fingerprints = probe(http.address(), Duration.ofSeconds(3));
      assertThat(fingerprints.jarm()).isEqualTo(ZERO);
      assertThat(fingerprints.jarmAnswers()).containsOnly("|||");
      assertThat(fingerprints.ja3s()).isNull();
      assertThat(fingerprints.serverHelloUnknown().message())
          .isEqualTo("no ServerHello to the typical hello: not a ServerHello");
    }
  }

  @Test
  void serverThatNeverAnswersGivesTheAllZeroJarmAsTheReferencesTimeoutDoes() throws Exception {
    try (LoopbackSocketServer silent = answering("127.0.58.8", () -> null)) {
      Fingerprints fingerprints = probe(silent.address(), Duration.ofMillis(300));
      assertThat(fingerprints.jarm()).isEqualTo(ZERO);
      assertThat(fingerprints.jarmAnswers()).isEqualTo(Collections.nCopies(10, "|||"));
    }
  }

  /** Runs the probe alone (a scan runs no probe against a server that does not speak TLS). */
  private static Fingerprints probe(InetSocketAddress address, Duration answerTimeout) {
    Connector connector =
        new Connector(network, Duration.ofSeconds(3), 64 * 1024, ConnectionRateLimiter.unlimited());
    JarmProbe probe = new JarmProbe(new RawHelloClient(connector, answerTimeout));
    ProbeTarget target = new ProbeTarget(Endpoint.tls(address, HOST), ConnectionTracker.NONE, 2);
    return probe.run(ProbeContexts.alone(target, ProbeResults.NONE)).block(Duration.ofSeconds(30));
  }

  /**
   * A server on a loopback address that reads the hello, writes the answer {@code answer} gives and
   * closes; a {@code null} answer keeps the connection open and silent until the server closes.
   */
  private static LoopbackSocketServer answering(String address, Supplier<String> answer)
      throws IOException {
    return LoopbackSocketServer.start(
        address,
        "jarm-test-server",
        (client, ordinal) -> {
          client.getInputStream().read(new byte[4096]);
          String text = answer.get();
          if (text != null) {
            try (client) {
              client.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
            }
          }
        });
  }
}
