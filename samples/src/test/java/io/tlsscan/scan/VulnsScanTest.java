package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.policy.BaselinePolicy;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --probes vulns} through the whole scan: it brings the protocols and ciphers probes with
 * it, its connections are counted in the record, and a healthy server gets no {@code vuln.*}
 * finding.
 */
class VulnsScanTest {
  private static TestChain chain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Vulns Scan", "vulns-scan.test");
    scanner = TestTargets.probing(EnumSet.of(ProbeId.VULNS), Duration.ofSeconds(20), chain.root());
  }

  @Test
  void healthyServerHasEveryCheckDecidedAndNoFinding() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.147.20")
            .without(ProtocolVersion.TLSv1_0)
            .without(ProtocolVersion.TLSv1_1)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384")
            .start()) {
      HostReport report = TestTargets.scan(scanner, "vulns-scan.test", server.address());
      assertThat(report.ok()).as("%s", report.error()).isTrue();
      Vulnerabilities vulnerabilities = report.vulnerabilities().resultOrNull();
      assertThat(vulnerabilities).as("vulnerabilities of %s", report).isNotNull();
      assertThat(vulnerabilities.verdicts().keySet())
          .as("every check of the probe")
          .isEqualTo(Set.of(Weakness.values()));
      assertThat(vulnerabilities.verdicts().values())
          .as("%s", vulnerabilities)
          .allMatch(WeaknessVerdict.Decided.class::isInstance);
      assertThat(vulnerabilities.problems()).as("%s", vulnerabilities).isEmpty();
      assertThat(new BaselinePolicy().evaluate(report))
          .extracting(Finding::id)
          .noneMatch(id -> id.startsWith("vuln."));
      assertThat(report.protocols().resultOrNull())
          .as("protocols run as a requirement")
          .isNotNull();
      assertThat(report.sections()).containsKeys(HostReport.VULNERABILITIES);
      assertThat(report.connections())
          .as("handshake, protocols, ciphers and the vulns probe's 6 connections")
          .isGreaterThanOrEqualTo(1 + 6 + 6);
    }
  }
}
