package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One deep scan ({@code --probes all}) of the {@link EnumerationFleet}: for every server the
 * accepted versions and each version's accepted suites must be exactly what its configuration gives
 * (as {@code openssl ciphers} expands it), its certificate must be reported even when the TLS
 * library cannot handshake with it, and the scan must stay cheap: a median of at most 45
 * connections a server (35 before the session probe enumerated TLS 1.2 signature algorithms, one
 * hello per algorithm accepted, and checked ticket resumption).
 */
class EnumerationFleetTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final int MEDIAN_CONNECTION_BUDGET = 45;

  @AutoClose private static EnumerationFleet fleet;
  private static Map<String, HostReport> reports;

  @BeforeAll
  static void scanTheFleet() {
    // Given the ten servers, each on its own address
    fleet = EnumerationFleet.start(56);
    // When they are all deep-scanned in one scan
    long started = System.nanoTime();
    reports = fleet.scan(EnumSet.allOf(ProbeId.class), DEADLINE);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    int connections = reports.values().stream().mapToInt(HostReport::connections).sum();
    System.out.printf(
        "enumeration fleet: %d servers, %d connections in %d ms%n",
        reports.size(), connections, elapsedMs);
  }

  @ParameterizedTest
  @MethodSource("io.tlsscan.scan.EnumerationFleet#names")
  void everyVersionIsReportedExactly(String name) {
    EnumerationFleet.ServerSpec spec = fleet.member(name).spec();
    HostReport report = report(name);
    Map<String, Boolean> expected = new LinkedHashMap<>();
    for (ProtocolVersion version : ProtocolVersion.values()) {
      expected.put(version.reportName(), spec.versions().contains(version));
    }
    assertThat(report.protocols().resultOrNull()).as("protocols of %s", name).isNotNull();
    assertThat(report.protocols().resultOrNull().accepted()).as(name).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("io.tlsscan.scan.EnumerationFleet#names")
  void everyVersionsSuitesAreExactlyWhatTheServerWasGiven(String name) {
    EnumerationFleet.ServerSpec spec = fleet.member(name).spec();
    CipherSupport ciphers = report(name).ciphers().resultOrNull();
    assertThat(ciphers).as("ciphers of %s: %s", name, report(name).ciphers()).isNotNull();
    assertThat(ciphers.byVersion().keySet())
        .as(name)
        .containsExactlyInAnyOrderElementsOf(
            spec.versions().stream().map(ProtocolVersion::reportName).toList());
    for (ProtocolVersion version : spec.versions()) {
      List<String> expected =
          OpenSslCipherList.expand(spec.effectiveCipherList(), spec.ciphersuites(), version);
      List<String> found = names(ciphers, version);
      assertThat(expected).as("openssl's expansion for %s %s", name, version).isNotEmpty();
      if (spec.serverPreference()) {
        assertThat(found).as("%s %s, in the server's order", name, version).isEqualTo(expected);
      } else {
        assertThat(found).as("%s %s", name, version).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.tlsscan.scan.EnumerationFleet#names")
  void everyServerIsOkAndHasItsCertificateReportedUnlessItIsAnonymous(String name) {
    HostReport report = report(name);
    assertThat(report.ok()).as("%s: %s", name, report.error()).isTrue();
    if (name.equals("anonymous-only")) {
      // An anonymous server has no certificate, and the record says why the section is missing
      assertThat(report.certificate()).isInstanceOf(ProbeOutcome.Failed.class);
      assertThat(((ProbeOutcome.Failed<?>) report.certificate()).message())
          .startsWith("server sent no certificate with TLS_")
          .contains("_anon_");
    } else {
      assertThat(report.certificate().resultOrNull()).as("certificate of %s", name).isNotNull();
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=fleet.test");
      assertThat(report.certificate().resultOrNull().trusted()).isTrue();
    }
  }

  @Test
  void serverOrderIsToldApart() {
    assertThat(report("legacy").ciphers().resultOrNull().serverOrder()).isTrue();
    assertThat(report("tls12-only").ciphers().resultOrNull().serverOrder()).isFalse();
    assertThat(report("cbc-only").ciphers().resultOrNull().serverOrder()).isFalse();
  }

  @Test
  void weakDiffieHellmanIsMeasured() {
    CipherSupport ciphers = report("dhe-1024").ciphers().resultOrNull();
    assertThat(ciphers.byVersion().values())
        .allSatisfy(
            suites ->
                assertThat(suites)
                    .allSatisfy(
                        suite -> {
                          assertThat(suite.keyExchangeBits()).isEqualTo(1024);
                          assertThat(suite.strength()).isEqualTo("weak");
                        }));
  }

  @Test
  void tls13GroupsAreEnumerated() {
    assertThat(report("tls13-only").groups().resultOrNull())
        .containsExactlyInAnyOrder("secp384r1", "x25519", "secp256r1", "ffdhe2048");
  }

  @Test
  void theMedianServerCostsAtMostFortyFiveConnections() {
    List<Integer> counts = reports.values().stream().map(HostReport::connections).sorted().toList();
    reports.forEach(
        (name, report) ->
            System.out.printf("  %-15s %3d connections%n", name, report.connections()));
    double median = (counts.get(counts.size() / 2 - 1) + counts.get(counts.size() / 2)) / 2.0;
    System.out.printf("  median          %5.1f connections%n", median);
    assertThat(median).isLessThanOrEqualTo(MEDIAN_CONNECTION_BUDGET);
  }

  private static HostReport report(String name) {
    HostReport report = reports.get(name);
    assertThat(report).as("record of %s", name).isNotNull();
    return report;
  }

  private static List<String> names(CipherSupport ciphers, ProtocolVersion version) {
    return ciphers.byVersion().getOrDefault(version.reportName(), List.of()).stream()
        .map(CipherInfo::name)
        .toList();
  }
}
