package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.process.ChildServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code vulns} and {@code session} probes read the same TLS 1.2 exchanges (the full handshake
 * that renegotiates, the one that takes a ticket and the resumption from that ticket): a scan that
 * runs both makes them once, and both sections report from them. A server that refuses the
 * renegotiation fatally may forget the session the resumption by id then asks for.
 */
class SharedTls12VisitsTest {
  private static final String HOST = "shared.test";
  private static final int SHARED_TLS12_CONNECTIONS = 3;

  private final TestChain chain = TestChain.rsa("Shared Visits Test", HOST);

  @Test
  void vulnsAndSessionTogetherMakeTheirTls12HandshakesOnce() {
    // Given an OpenSSL server with its defaults: session cache and tickets
    try (OpenSslServer server = chain.openSslServer().host("127.0.148.1").start()) {
      // When it is scanned by protocols alone, vulns alone, session alone and both together
      int protocols = scan(server, EnumSet.of(ProbeId.PROTOCOLS)).connections();
      int vulns = scan(server, EnumSet.of(ProbeId.VULNS)).connections();
      int session = scan(server, EnumSet.of(ProbeId.SESSION)).connections();
      HostReport both = scan(server, EnumSet.of(ProbeId.VULNS, ProbeId.SESSION));
      // Then the joint scan makes the handshake, the protocols probe and the three TLS 1.2
      // exchanges once
      assertThat(both.connections())
          .isEqualTo(vulns + session - protocols - SHARED_TLS12_CONNECTIONS);
      // And both sections read them: resumption by ticket, neither flaw
      assertThat(both.session().resultOrNull().tls12().resumesByTicket()).isTrue();
      assertThat(both.vulnerabilities().resultOrNull().verdicts())
          .containsEntry(Weakness.TICKETBLEED, WeaknessVerdict.of(false))
          .containsEntry(Weakness.CLIENT_RENEGOTIATION, WeaknessVerdict.of(false));
    }
  }

  @Test
  void aFatalRefusalOfTheRenegotiationLeavesResumptionByIdUnknown(@TempDir Path directory)
      throws Exception {
    // Given JSSE told to refuse client-initiated renegotiation, which it does with a fatal
    // handshake_failure and then forgets the session (its own JVM: the property is JVM-wide)
    try (ChildServer server = refusingJsseServer(directory, "127.0.148.2")) {
      // When both probes scan it
      HostReport report = scan(server.address(), EnumSet.of(ProbeId.VULNS, ProbeId.SESSION));
      // Then the refusal is read as one, and resumption by id is not reported as false
      assertThat(report.vulnerabilities().resultOrNull().verdicts())
          .containsEntry(Weakness.CLIENT_RENEGOTIATION, WeaknessVerdict.of(false));
      SessionReport session = report.session().resultOrNull();
      assertThat(session.tls12()).as("%s", session).isNull();
      assertThat(session.tls12Error())
          .contains("may have dropped")
          .contains("alert handshake_failure");
    }
  }

  /** A JSSE server run with {@code -Djdk.tls.rejectClientInitiatedRenegotiation=true}. */
  private ChildServer refusingJsseServer(Path directory, String host) throws Exception {
    Path source = directory.resolve("RefusingJsseServer.java");
    try (InputStream in = getClass().getResourceAsStream("/jsse/RefusingJsseServer.java")) {
      Files.copy(in, source);
    }
    char[] password = "changeit".toCharArray();
    Path keyStore = directory.resolve("server.p12");
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      chain.keyStore(password).store(out, password);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ChildServer.start(
        "JSSE refusing renegotiation",
        directory,
        host,
        0,
        port ->
            new ProcessBuilder(
                java,
                "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
                source.toString(),
                keyStore.toString(),
                new String(password),
                host,
                String.valueOf(port)),
        ChildServer.Readiness.printed("listening"));
  }

  private HostReport scan(OpenSslServer server, Set<ProbeId> probes) {
    return scan(server.address(), probes);
  }

  private HostReport scan(InetSocketAddress address, Set<ProbeId> probes) {
    try (Scanner scanner =
        TestTargets.scanner(
            ScanOptions.defaults()
                .withProbes(EnumSet.copyOf(probes))
                .withTimeout(Duration.ofSeconds(20)),
            chain.root())) {
      HostReport report = TestTargets.scan(scanner, HOST, address);
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.sections().values())
          .as("sections with %s", probes)
          .allMatch(ProbeOutcome.Completed.class::isInstance);
      return report;
    }
  }
}
