package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.TrustError;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.samples.fleet.Expectation;
import io.tlsscan.target.HostListReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans the whole demo fleet through the public pipeline and checks every record. */
class DemoFleetScanTest {
  private static final Duration DEADLINE = Duration.ofSeconds(3);

  @TempDir static Path workDir;
  private static DemoFleet fleet;
  private static List<HostReport> reports;
  private static Map<String, HostReport> byInput;

  @BeforeAll
  static void scanTheFleet() throws Exception {
    // Given the demo fleet and its host list
    fleet = DemoFleet.start();
    Path hostList = workDir.resolve("hosts.txt");
    fleet.writeHostList(hostList);
    // When it is scanned with the fleet's CA as the only trust anchor
    try (Scanner scanner =
        Scanner.builder()
            .options(ScanOptions.defaults().withTimeout(DEADLINE).withConcurrency(64))
            .trustAnchors(TrustAnchors.fromPemFile(fleet.caFile()))
            .build()) {
      reports =
          scanner
              .scanEntries(new HostListReader().read(hostList))
              .collectList()
              .block(Duration.ofSeconds(60));
    }
    byInput =
        reports.stream().collect(Collectors.toMap(r -> r.target().input(), Function.identity()));
    assertThat(Files.exists(hostList)).isTrue();
  }

  @AfterAll
  static void stopTheFleet() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void everyEndpointGivesExactlyOneRecord() {
    assertThat(reports).hasSize(fleet.endpoints().size());
    assertThat(byInput.keySet())
        .containsExactlyInAnyOrderElementsOf(
            fleet.endpoints().stream().map(DemoEndpoint::hostLine).toList());
  }

  @Test
  void eachRecordMatchesWhatTheEndpointIs() {
    for (DemoEndpoint endpoint : fleet.endpoints()) {
      HostReport report = byInput.get(endpoint.hostLine());
      Expectation expected = endpoint.expected();
      assertThat(report.ok())
          .as("%s status (%s)", endpoint.name(), report.error())
          .isEqualTo(expected.ok());
      if (!expected.ok()) {
        assertThat(report.error().kind().wireName())
            .as("%s error kind (%s)", endpoint.name(), report.error().message())
            .isEqualTo(expected.errorKind());
        continue;
      }
      CertificateReport certificate = report.certificate().resultOrNull();
      assertThat(certificate).as("%s certificate section", endpoint.name()).isNotNull();
      assertThat(
              certificate.trustErrors().stream()
                  .map(TrustError::wireName)
                  .collect(Collectors.toSet()))
          .as("%s trust errors", endpoint.name())
          .isEqualTo(expected.trustErrors());
      assertThat(certificate.hostnameMatch() == HostnameMatch.MATCH)
          .as("%s hostname match", endpoint.name())
          .isEqualTo(expected.hostnameMatch());
      assertThat(report.handshake().resultOrNull()).as("%s handshake", endpoint.name()).isNotNull();
    }
  }

  @Test
  void silentAndDrippingServersEndAtTheDeadline() {
    for (String name : List.of("tarpit", "drip")) {
      HostReport report = byInput.get(fleet.endpoint(name).hostLine());
      assertThat(report.error().kind().wireName()).as(name).isEqualTo("timeout");
      assertThat(report.durationMs())
          .as("%s ends within the deadline plus a second", name)
          .isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 1000);
      assertThat(report.error().message()).contains("3s deadline");
    }
  }

  @Test
  void theMailServerIsScannedThroughSmtpStarttls() {
    DemoEndpoint smtp = fleet.endpoint("smtp-starttls");
    HostReport report = byInput.get(smtp.hostLine());
    assertThat(smtp.hostLine()).startsWith("smtp://");
    assertThat(report.target().starttls()).isEqualTo("smtp");
    assertThat(report.ok()).as("record %s", report).isTrue();
    assertThat(report.certificate().resultOrNull().chain().get(0).subject())
        .isEqualTo("CN=" + smtp.host());
  }

  @Test
  void nonTlsServersAreNamedAtOnce() {
    HostReport http = byInput.get(fleet.endpoint("plain-http").hostLine());
    assertThat(http.error().message()).contains("HTTP");
    assertThat(http.durationMs()).isLessThan(DEADLINE.toMillis());
    HostReport ssh = byInput.get(fleet.endpoint("ssh-banner").hostLine());
    assertThat(ssh.error().message()).contains("SSH");
  }

  @Test
  void clientAuthServerStillHasItsCertificateReported() {
    HostReport report = byInput.get(fleet.endpoint("client-auth").hostLine());
    assertThat(report.ok()).isFalse();
    assertThat(report.error().message()).contains("client certificate");
    CertificateReport certificate = report.certificate().resultOrNull();
    assertThat(certificate).isNotNull();
    assertThat(certificate.chain()).isNotEmpty();
    assertThat(certificate.chain().get(0).subject()).contains("client-auth");
  }

  @Test
  void theScannedAddressAndConnectionsAreRecorded() {
    DemoEndpoint good = fleet.endpoint("good");
    HostReport report = byInput.get(good.hostLine());
    assertThat(report.target().ip()).isEqualTo(good.address());
    assertThat(report.target().sni()).isEqualTo(good.host());
    // One full handshake plus the default raw probes (protocols, ciphers), well under 40.
    assertThat(report.connections()).isBetween(8, 40);
    assertThat(report.protocols().resultOrNull().accepted())
        .containsEntry("TLSv1.2", true)
        .containsEntry("TLSv1.3", true)
        .containsEntry("TLSv1.0", false);
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void theDtlsEndpointIsScannedOverUdp() {
    DemoEndpoint dtls = fleet.endpoint("dtls");
    HostReport report = byInput.get(dtls.hostLine());
    assertThat(dtls.hostLine()).startsWith("dtls://");
    assertThat(report.target().transport()).isEqualTo("dtls");
    assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("DTLSv1.2");
    assertThat(report.protocols().resultOrNull().accepted())
        .containsEntry("DTLSv1.2", true)
        .containsEntry("DTLSv1.0", false);
    assertThat(report.ciphers().resultOrNull().byVersion().get("DTLSv1.2")).isNotEmpty();
  }
}
