package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code vulns} and {@code session} probes read the same TLS 1.2 exchanges (the full handshake
 * that renegotiates, the one that takes a ticket and the resumption from that ticket): a scan that
 * runs both makes them once, and both sections report from them.
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

  private HostReport scan(OpenSslServer server, Set<ProbeId> probes) {
    try (Scanner scanner =
        TestTargets.scanner(
            ScanOptions.defaults()
                .withProbes(EnumSet.copyOf(probes))
                .withTimeout(Duration.ofSeconds(20)),
            chain.root())) {
      HostReport report = TestTargets.scan(scanner, HOST, server.address());
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      assertThat(report.sections().values())
          .as("sections with %s", probes)
          .allMatch(ProbeOutcome.Completed.class::isInstance);
      return report;
    }
  }
}
