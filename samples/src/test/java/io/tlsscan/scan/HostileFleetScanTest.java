package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.samples.fleet.Expectation;
import io.tlsscan.samples.hostile.HostileFleet;
import io.tlsscan.target.HostListReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scans every server of the hostile fleet, together with two healthy demo servers, in one scan with
 * a 2 s deadline (as {@code --timeout 2s} would), and checks that each hostile server gets the one
 * record a careful user expects — on time — while the healthy servers are scanned as usual. What
 * each hostile server should give is documented in the hostile fleet's catalog.
 */
class HostileFleetScanTest {
  /** The demo servers' own addresses, apart from those of the demo fleet's other users. */
  private static final String DEMO_BASE = "127.0.87.0";

  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final Duration WARM_UP_DEADLINE = Duration.ofSeconds(10);
  private static final List<String> HEALTHY = List.of("good", "tls13-only");
  private static final int MAX_MESSAGE_CHARS = 500;

  private static HostileFleet hostile;
  private static DemoFleet demo;
  private static List<String> hostLines;
  private static List<HostReport> reports;
  private static Map<String, HostReport> byInput;

  @BeforeAll
  static void scanHostileAndHealthyServersTogether() throws UnknownHostException {
    // Given the hostile fleet and two healthy demo servers, trusted through both fleets' roots
    hostile = HostileFleet.start();
    demo = DemoFleet.start(InetAddress.getByName(DEMO_BASE));
    hostLines = new ArrayList<>();
    hostile.endpoints().forEach(endpoint -> hostLines.add(endpoint.hostLine()));
    HEALTHY.forEach(name -> hostLines.add(demo.endpoint(name).hostLine()));
    TrustAnchors anchors = TrustAnchors.of(List.of(hostile.caCertificate(), demo.caCertificate()));
    warmUp(anchors);

    // When they are scanned in one scan with a 2 s deadline
    reports = scan(anchors, DEADLINE, hostLines);
    byInput =
        reports.stream()
            .collect(Collectors.toMap(r -> r.target().input(), Function.identity(), (a, b) -> a));
  }

  /**
   * One unhurried scan of the servers that answer, first: a cold JVM (JIT, TLS engines, the
   * servers' first 1 MiB chain) can take seconds over its first handshakes on a busy machine, and
   * the 2 s deadline is there to judge the servers, not the JVM's start-up.
   */
  private static void warmUp(TrustAnchors anchors) {
    List<String> answering = new ArrayList<>();
    hostile.endpoints().stream()
        .filter(endpoint -> !"timeout".equals(endpoint.expected().errorKind()))
        .forEach(endpoint -> answering.add(endpoint.hostLine()));
    HEALTHY.forEach(name -> answering.add(demo.endpoint(name).hostLine()));
    scan(anchors, WARM_UP_DEADLINE, answering);
  }

  private static List<HostReport> scan(
      TrustAnchors anchors, Duration deadline, List<String> lines) {
    try (Scanner scanner =
        Scanner.builder()
            .options(ScanOptions.defaults().withTimeout(deadline))
            .trustAnchors(anchors)
            .build()) {
      return scanner
          .scanEntries(new HostListReader().fromArguments(lines))
          .collectList()
          .block(Duration.ofSeconds(60));
    }
  }

  @AfterAll
  static void stopTheFleets() {
    if (hostile != null) {
      hostile.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void everyTargetGivesExactlyOneRecord() {
    assertThat(reports).hasSize(hostLines.size());
    assertThat(reports.stream().map(r -> r.target().input()))
        .containsExactlyInAnyOrderElementsOf(hostLines);
  }

  @Test
  void eachHostileServerGetsTheOutcomeACarefulUserExpects() {
    for (DemoEndpoint endpoint : hostile.endpoints()) {
      HostReport report = reportFor(endpoint);
      Expectation expected = endpoint.expected();
      String outcome = expected.ok() ? "ok" : expected.errorKind();
      assertThat(outcomeOf(report))
          .as("%s (%s): %s", endpoint.name(), endpoint.description(), describe(report))
          .isEqualTo(outcome);
    }
  }

  @Test
  void everyHostileTargetEndsWithinItsDeadlinePlusASecond() {
    for (DemoEndpoint endpoint : hostile.endpoints()) {
      HostReport report = reportFor(endpoint);
      assertThat(report.durationMs())
          .as("%s: %s", endpoint.name(), describe(report))
          .isLessThanOrEqualTo(DEADLINE.plus(GRACE).toMillis());
    }
  }

  @Test
  void serversThatGoQuietAreCutAtTheDeadlineAndTheRecordSaysSo() {
    for (String name : List.of("silent", "drip", "stalled-record")) {
      HostReport report = reportFor(hostile.endpoint(name));
      assertThat(report.durationMs())
          .as("%s: %s", name, describe(report))
          .isGreaterThanOrEqualTo(DEADLINE.toMillis() - 100);
      assertThat(report.error().phase()).as(name).isEqualTo("handshake");
      assertThat(report.error().message()).as(name).contains("2s deadline");
    }
  }

  @Test
  void aServerThatNeverStopsSendingValidRecordsIsCutByTheByteCapBeforeTheDeadline() {
    HostReport report = reportFor(hostile.endpoint("trickled-certificate"));
    assertThat(report.durationMs()).as(describe(report)).isLessThan(DEADLINE.toMillis());
    assertThat(report.error().message())
        .as("names the cap")
        .contains(String.valueOf(ScanOptions.DEFAULT_MAX_BYTES_PER_CONNECTION));
  }

  @Test
  void eachHostileTargetWasReachedAtItsOwnAddressWithBoundedConnections() {
    for (DemoEndpoint endpoint : hostile.endpoints()) {
      HostReport report = reportFor(endpoint);
      assertThat(report.target().ip()).as(endpoint.name()).isEqualTo(endpoint.address());
      // The full handshake, a retry after a reset, and the default raw probes at most.
      assertThat(report.connections()).as("%s connections", endpoint.name()).isBetween(1, 40);
    }
  }

  @Test
  void errorMessagesStayShortWhateverTheServerSent() {
    for (HostReport report : reports) {
      if (report.error() != null) {
        assertThat(report.error().message())
            .as(report.target().input())
            .isNotBlank()
            .hasSizeLessThanOrEqualTo(MAX_MESSAGE_CHARS);
      }
    }
  }

  @Test
  void healthyServersAreStillScannedCorrectly() {
    for (String name : HEALTHY) {
      HostReport report = reportFor(demo.endpoint(name));
      assertThat(report.ok()).as("%s: %s", name, describe(report)).isTrue();
      CertificateReport certificate = report.certificate().resultOrNull();
      assertThat(certificate).as(name).isNotNull();
      assertThat(certificate.trusted()).as("%s trusted", name).isTrue();
      assertThat(certificate.hostnameMatch()).as(name).isEqualTo(HostnameMatch.MATCH);
      assertThat(report.findings()).as(name).isEmpty();
    }
    assertThat(reportFor(demo.endpoint("tls13-only")).handshake().resultOrNull().protocol())
        .isEqualTo("TLSv1.3");
  }

  @Test
  void aLeafWithTenThousandNamesIsReportedWithTheFirstThousandAndMarkedTruncated() {
    HostReport report = reportFor(hostile.endpoint("many-sans"));
    CertificateReport certificate = report.certificate().resultOrNull();
    assertThat(certificate).as(describe(report)).isNotNull();
    CertificateInfo leaf = certificate.chain().get(0);
    assertThat(leaf.sanTruncated()).isTrue();
    assertThat(leaf.san()).hasSizeLessThanOrEqualTo(1000).contains("many-sans.hostile.test");
    assertThat(certificate.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
    assertThat(certificate.trusted()).isTrue();
  }

  @Test
  void handshakeMessagesSplitIntoOneByteRecordsStillComplete() {
    HostReport report = reportFor(hostile.endpoint("one-byte-records"));
    Handshake handshake = report.handshake().resultOrNull();
    assertThat(handshake).as(describe(report)).isNotNull();
    assertThat(handshake.protocol()).isEqualTo("TLSv1.2");
    CertificateReport certificate = report.certificate().resultOrNull();
    assertThat(certificate.chain()).hasSize(1);
    assertThat(certificate.chain().get(0).subject()).isEqualTo("CN=one-byte-records.hostile.test");
    assertThat(certificate.trusted()).isTrue();
  }

  @Test
  void aChainOfTwoHundredCertificatesIsCappedAndTheRecordSaysHowManyWereSent() {
    // Given a server that sends its leaf and 199 unrelated certificates
    HostReport report = reportFor(hostile.endpoint("long-chain"));
    CertificateReport certificate = report.certificate().resultOrNull();
    assertThat(certificate).as(describe(report)).isNotNull();

    // Then the record keeps at most the analyzed certificates, the leaf first
    assertThat(certificate.chain()).hasSizeBetween(1, CertificateAnalyzer.MAX_CERTIFICATES);
    assertThat(certificate.chain().get(0).subject()).isEqualTo("CN=long-chain.hostile.test");

    // And a finding tells the user that 200 certificates were sent, not fewer
    assertThat(report.findings())
        .as("findings of %s", describe(report))
        .anySatisfy(
            finding -> {
              assertThat(finding.id()).isEqualTo("cert.chain_too_long");
              assertThat(finding.message()).contains("200 certificates");
            });
  }

  private static HostReport reportFor(DemoEndpoint endpoint) {
    HostReport report = byInput.get(endpoint.hostLine());
    assertThat(report).as("record for %s", endpoint.name()).isNotNull();
    return report;
  }

  private static String outcomeOf(HostReport report) {
    return report.ok() ? "ok" : report.error().kind().wireName();
  }

  /** The record in a few words, for failure messages (a full record may hold 1000 names). */
  private static String describe(HostReport report) {
    StringBuilder text = new StringBuilder();
    text.append(report.ok() ? "ok" : report.error().toString());
    text.append(", ").append(report.durationMs()).append(" ms");
    text.append(", connections ").append(report.connections());
    Handshake handshake = report.handshake().resultOrNull();
    if (handshake != null) {
      text.append(", ").append(handshake.protocol()).append(' ').append(handshake.cipher());
    }
    CertificateReport certificate = report.certificate().resultOrNull();
    if (certificate != null) {
      text.append(", chain of ").append(certificate.chain().size());
      text.append(", trust errors ").append(certificate.trustErrors());
    }
    text.append(", findings ")
        .append(report.findings().stream().map(f -> f.id() + ": " + f.message()).toList());
    return text.toString();
  }
}
