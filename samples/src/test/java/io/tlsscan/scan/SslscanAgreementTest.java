package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.tls.CipherSuite;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scanner and sslscan, an independent tool with its own way of enumerating, must agree on every
 * server of the {@link EnumerationFleet}: the same versions enabled and, for every version both
 * see, the same accepted suites by code point. sslscan must be installed at {@code
 * /usr/bin/sslscan} (CI installs it); without it this test fails rather than pass unseen.
 */
class SslscanAgreementTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @AutoClose private static EnumerationFleet fleet;
  private static Map<String, HostReport> ours;
  private static Map<String, SslscanReport> theirs;

  @BeforeAll
  static void scanWithBoth() {
    assertThat(Files.isExecutable(SslscanReport.SSLSCAN))
        .withFailMessage(
            "sslscan is not installed at %s: this test compares the scanner with it "
                + "(install it with apt-get install sslscan)",
            SslscanReport.SSLSCAN)
        .isTrue();
    // Given the fleet
    fleet = EnumerationFleet.start(57);
    // When the scanner scans it, then sslscan does (each server answers one client at a time)
    ours = fleet.scan(EnumSet.of(ProbeId.CERT, ProbeId.PROTOCOLS, ProbeId.CIPHERS), DEADLINE);
    ExecutorService pool = Executors.newFixedThreadPool(fleet.members().size());
    try {
      Map<String, CompletableFuture<SslscanReport>> running =
          fleet.members().stream()
              .collect(
                  Collectors.toMap(
                      member -> member.spec().name(),
                      member ->
                          CompletableFuture.supplyAsync(
                              () -> SslscanReport.scan(member.server().address()), pool)));
      theirs =
          running.entrySet().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().join()));
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("io.tlsscan.scan.EnumerationFleet#names")
  void bothSeeTheSameVersions(String name) {
    SslscanReport sslscan = theirs.get(name);
    Map<String, Boolean> accepted = ours.get(name).protocols().resultOrNull().accepted();
    assertThat(sslscan.protocols()).as("sslscan's protocols for %s", name).isNotEmpty();
    sslscan
        .protocols()
        .forEach(
            (version, enabled) ->
                assertThat(accepted.get(version)).as("%s %s", name, version).isEqualTo(enabled));
  }

  @ParameterizedTest
  @MethodSource("io.tlsscan.scan.EnumerationFleet#names")
  void bothSeeTheSameSuitesInEveryVersionBothSee(String name) {
    SslscanReport sslscan = theirs.get(name);
    CipherSupport ciphers = ours.get(name).ciphers().resultOrNull();
    assertThat(ciphers).as("ciphers of %s", name).isNotNull();
    assertThat(ciphers.byVersion().keySet())
        .as("versions with suites, %s", name)
        .containsExactlyInAnyOrderElementsOf(sslscan.suites().keySet());
    for (var entry : sslscan.suites().entrySet()) {
      assertThat(codes(ciphers.byVersion().get(entry.getKey())))
          .as("%s %s (code points)", name, entry.getKey())
          .isEqualTo(entry.getValue());
    }
  }

  private static Set<Integer> codes(List<CipherInfo> suites) {
    return suites.stream()
        .map(CipherInfo::name)
        .map(
            name ->
                CipherSuite.byName(name)
                    .orElseThrow(() -> new AssertionError("unknown suite name " + name))
                    .code())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
