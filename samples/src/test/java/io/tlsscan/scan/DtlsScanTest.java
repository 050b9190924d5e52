package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.TrustError;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.interop.ServerCredentials;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ProtocolVersion;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * {@code dtls://} targets through the whole scan (handshake, certificate, protocols, ciphers) over
 * UDP against {@code openssl s_server -dtls} on loopback, and the UDP failures: a closed port and a
 * socket that never answers.
 */
class DtlsScanTest {
  private static TestChain chain;
  private static TestChain otherChain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("DTLS Scan", "dtls.test");
    otherChain = TestChain.rsa("Other DTLS Scan", "dtls.test");
    scanner =
        TestTargets.scanner(
            ScanOptions.defaults().withTimeout(Duration.ofSeconds(10)), chain.root());
  }

  private static HostReport scan(Scanner with, String host, InetSocketAddress address) {
    String line = "dtls://" + host + ":" + address.getPort() + " " + address.getHostString();
    return with.scan(Flux.fromStream(new TargetParser().parse(line, 1)).cast(Target.class))
        .blockLast(Duration.ofSeconds(60));
  }

  private static List<String> names(HostReport report, String version) {
    assertThat(report.ciphers().resultOrNull()).as("ciphers of %s", report).isNotNull();
    return report.ciphers().resultOrNull().byVersion().getOrDefault(version, List.of()).stream()
        .map(CipherInfo::name)
        .toList();
  }

  @Test
  void dtls12ServerIsScannedOverUdpWithItsChainVersionsAndSuites() throws Exception {
    String cipherList = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-SHA:AES128-SHA";
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.79.11")
            .datagram(DtlsVersion.DTLSv1_2)
            .cipher(cipherList)
            .start()) {
      HostReport report = scan(scanner, "dtls.test", server.address());

      assertThat(report.ok()).as("%s\n%s", report, server.output()).isTrue();
      assertThat(report.target().transport()).isEqualTo("dtls");
      Handshake handshake = report.handshake().resultOrNull();
      assertThat(handshake.protocol()).isEqualTo("DTLSv1.2");
      assertThat(handshake.source()).isEqualTo(Handshake.SOURCE_RAW_HELLO);
      CertificateReport certificate = report.certificate().resultOrNull();
      assertThat(certificate.chain().get(0).subject()).isEqualTo("CN=dtls.test");
      assertThat(certificate.trusted()).isTrue();
      assertThat(certificate.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
      assertThat(report.protocols().resultOrNull().accepted())
          .isEqualTo(Map.of("DTLSv1.0", false, "DTLSv1.2", true));
      assertThat(names(report, "DTLSv1.2"))
          .containsExactlyInAnyOrderElementsOf(
              OpenSslCipherList.expand(cipherList, null, ProtocolVersion.TLSv1_2));
      assertThat(report.ciphers().resultOrNull().byVersion()).containsOnlyKeys("DTLSv1.2");
      // And openssl s_client, suite by suite, completes a handshake with exactly those
      Map<String, String> candidates =
          Map.of(
              "ECDHE-RSA-AES128-GCM-SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
              "ECDHE-RSA-AES256-SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
              "AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
              "AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384",
              "ECDHE-RSA-CHACHA20-POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
              "DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
      List<String> completed = new java.util.ArrayList<>();
      for (Map.Entry<String, String> candidate : candidates.entrySet()) {
        if (sClientCompletes(server.address(), candidate.getKey())) {
          completed.add(candidate.getValue());
        }
      }
      assertThat(names(report, "DTLSv1.2")).containsExactlyInAnyOrderElementsOf(completed);
    }
  }

  /** Whether {@code openssl s_client -dtls1_2 -cipher SUITE} completes a handshake. */
  private static boolean sClientCompletes(InetSocketAddress address, String suite)
      throws Exception {
    Process client =
        new ProcessBuilder(
                "/usr/bin/openssl",
                "s_client",
                "-dtls1_2",
                "-connect",
                address.getHostString() + ":" + address.getPort(),
                "-cipher",
                suite)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String output = new String(client.getInputStream().readAllBytes());
    client.waitFor();
    return output.contains("Cipher is " + suite);
  }

  @Test
  void dtls10ServerIsReportedAsDtls10Only() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.79.12")
            .datagram(DtlsVersion.DTLSv1_0)
            .cipher("ECDHE-RSA-AES128-SHA:AES256-SHA")
            .securityLevel(0)
            .start()) {
      HostReport report = scan(scanner, "dtls.test", server.address());

      assertThat(report.ok()).as("%s\n%s", report, server.output()).isTrue();
      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("DTLSv1.0");
      assertThat(report.protocols().resultOrNull().accepted())
          .isEqualTo(Map.of("DTLSv1.0", true, "DTLSv1.2", false));
      assertThat(names(report, "DTLSv1.0"))
          .containsExactlyInAnyOrder(
              "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA");
    }
  }

  @Test
  void everyProbeAskedOfADtlsServerAnswersOrIsLeftOutWithoutAnError() {
    try (OpenSslServer server =
            chain
                .openSslServer()
                .host("127.0.79.13")
                .datagram(DtlsVersion.DTLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        Scanner everything =
            TestTargets.scanner(
                ScanOptions.defaults()
                    .withTimeout(Duration.ofSeconds(10))
                    .withProbes(EnumSet.allOf(ProbeId.class)),
                chain.root())) {
      HostReport report = scan(everything, "dtls.test", server.address());

      assertThat(report.ok()).as("%s\n%s", report, server.output()).isTrue();
      assertThat(report.sections().values())
          .as("probe errors")
          .noneMatch(ProbeOutcome.Failed.class::isInstance);
      assertThat(report.groups().resultOrNull()).as("groups").isNotNull();
      // HTTP, JARM and the weakness checks are questions of TLS over TCP, not of a DTLS server
      assertThat(report.http()).isInstanceOf(ProbeOutcome.NotRun.class);
      assertThat(report.fingerprints()).isInstanceOf(ProbeOutcome.NotRun.class);
      assertThat(report.vulnerabilities()).isInstanceOf(ProbeOutcome.NotRun.class);
      assertThat(report.session()).isInstanceOf(ProbeOutcome.NotRun.class);
    }
  }

  @Test
  void untrustedChainAndOtherNameAreReportedAsSuch() {
    try (OpenSslServer server =
            otherChain.openSslServer().host("127.0.79.13").datagram(DtlsVersion.DTLSv1_2).start();
        Scanner certOnly =
            TestTargets.scanner(
                ScanOptions.defaults()
                    .withTimeout(Duration.ofSeconds(10))
                    .withProbes(java.util.EnumSet.of(io.tlsscan.probe.ProbeId.CERT)),
                chain.root())) {
      HostReport report = scan(certOnly, "elsewhere.test", server.address());

      assertThat(report.ok()).as("%s\n%s", report, server.output()).isTrue();
      CertificateReport certificate = report.certificate().resultOrNull();
      assertThat(certificate.trusted()).isFalse();
      // leaf and intermediate of a root the scan does not trust: no path to an anchor
      assertThat(certificate.trustErrors()).containsExactly(TrustError.INCOMPLETE_CHAIN);
      assertThat(certificate.hostnameMatch()).isEqualTo(HostnameMatch.MISMATCH);
    }
  }

  @Test
  void closedUdpPortIsRefused() throws Exception {
    int port;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.79.14"))) {
      port = socket.getLocalPort();
    }
    HostReport report = scan(scanner, "dtls.test", new InetSocketAddress("127.0.79.14", port));

    assertThat(report.ok()).isFalse();
    assertThat(report.error().kind()).as("%s", report).isEqualTo(ErrorKind.REFUSED);
    assertThat(report.target().transport()).isEqualTo("dtls");
  }

  @Test
  void silentUdpSocketTimesOutWithinTheDeadline() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getByName("127.0.79.15"));
        Scanner quick =
            TestTargets.scanner(
                ScanOptions.defaults().withTimeout(Duration.ofSeconds(3)), chain.root())) {
      long start = System.nanoTime();
      HostReport report =
          scan(quick, "dtls.test", new InetSocketAddress("127.0.79.15", silent.getLocalPort()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(report.ok()).isFalse();
      assertThat(report.error().kind()).as("%s", report).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void gnutlsServOverUdpIsScannedToo() throws Exception {
    Path directory = Files.createTempDirectory("gnutls-dtls");
    ServerCredentials files =
        ServerCredentials.write(directory, chain.leaf(), chain.intermediate());
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    // gnutls-serv cannot bind one address: it listens on all and answers from the address the
    // system picks for the reply, 127.0.0.1, which a connected socket to any other 127.x would
    // not take; so this server, sent to only on loopback, is scanned at 127.0.0.1
    Process server =
        new ProcessBuilder(
                "/usr/bin/gnutls-serv",
                "--udp",
                "--port=" + port,
                "--x509certfile=" + files.chain(),
                "--x509keyfile=" + files.key(),
                "--priority=NORMAL:-VERS-ALL:+VERS-DTLS1.2:+VERS-DTLS1.0")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("log").toFile())
            .start();
    // gnutls-serv serves one DTLS client at a time: one exchange at a time, or the other's hellos
    // wait in vain for their answers
    try (Scanner oneAtATime =
        TestTargets.scanner(
            ScanOptions.defaults().withTimeout(Duration.ofSeconds(30)).withPerHostConnections(1),
            chain.root())) {
      awaitListening(directory.resolve("log"));
      HostReport report = scan(oneAtATime, "dtls.test", new InetSocketAddress("127.0.0.1", port));

      assertThat(report.ok()).as("%s", report).isTrue();
      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("DTLSv1.2");
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=dtls.test");
      assertThat(report.certificate().resultOrNull().trusted()).isTrue();
      assertThat(report.protocols().resultOrNull().accepted())
          .isEqualTo(Map.of("DTLSv1.0", true, "DTLSv1.2", true));
      assertThat(names(report, "DTLSv1.2"))
          .contains(
              "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
          .doesNotContain("TLS_RSA_WITH_RC4_128_SHA");
      assertThat(names(report, "DTLSv1.0"))
          .contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")
          .noneMatch(name -> name.contains("GCM"));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static void awaitListening(Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains("listening")) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("gnutls-serv did not start: " + Files.readString(log));
  }
}
