package io.tlsscan.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.Section;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinePolicyTest {
  private final BaselinePolicy policy = new BaselinePolicy();

  private static HostReport report(String negotiated, String source, String... accepted) {
    Map<String, Boolean> versions = new LinkedHashMap<>();
    for (String version : List.of("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3")) {
      versions.put(version, List.of(accepted).contains(version));
    }
    return new HostReport(
        new TargetInfo("fallback.test:443", 1, "fallback.test", 443, "127.0.0.1", null),
        null,
        Instant.EPOCH,
        1,
        1,
        Map.<Section<?>, ProbeOutcome<?>>of(
            HostReport.HANDSHAKE,
            ProbeOutcome.completed(
                new Handshake(
                    negotiated, "TLS_AES_128_GCM_SHA256", null, null, false, false, source)),
            HostReport.PROTOCOLS,
            ProbeOutcome.completed(new ProtocolSupport(versions))),
        List.of());
  }

  private static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::id).toList();
  }

  @Test
  void handshakeBelowTheNewestAcceptedVersionIsAFinding() {
    // Given a TLS 1.2 handshake with a server the raw probes saw accept TLS 1.3
    HostReport report = report("TLSv1.2", Handshake.SOURCE_RAW_HELLO, "TLSv1.2", "TLSv1.3");

    // When it is judged
    List<Finding> findings = policy.evaluate(report);

    // Then the fallback is named, with both versions
    assertThat(ids(findings)).containsExactly("handshake.version_fallback");
    assertThat(findings.get(0).message())
        .contains("negotiated TLSv1.2", "accepts TLSv1.3", "raw_hello");
  }

  @Test
  void handshakeOnTheNewestAcceptedVersionIsNoFinding() {
    HostReport report = report("TLSv1.3", Handshake.SOURCE_TLS_LIBRARY, "TLSv1.2", "TLSv1.3");

    assertThat(ids(policy.evaluate(report))).doesNotContain("handshake.version_fallback");
  }

  @Test
  void withoutTheProtocolsSectionThereIsNothingToCompare() {
    HostReport full = report("TLSv1.2", Handshake.SOURCE_TLS_LIBRARY, "TLSv1.3");
    HostReport report =
        new HostReport(
            full.target(),
            null,
            full.startedAt(),
            1,
            1,
            Map.<Section<?>, ProbeOutcome<?>>of(HostReport.HANDSHAKE, full.handshake()),
            List.of());

    assertThat(policy.evaluate(report)).isEmpty();
  }

  @Test
  void everyWeaknessFoundIsAFindingAndHealthyOrUndecidedChecksAreNot() {
    // Given a vulnerabilities section with a flaw, a missing protection, healthy and undecided
    // checks
    HostReport full = report("TLSv1.3", Handshake.SOURCE_TLS_LIBRARY, "TLSv1.3");
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    verdicts.put(Weakness.RC4, new WeaknessVerdict.Decided(true));
    verdicts.put(Weakness.DROWN, new WeaknessVerdict.Decided(false));
    verdicts.put(
        Weakness.LUCKY13, new WeaknessVerdict.Undecided(ErrorKind.INCONCLUSIVE, "not known"));
    Map<Section<?>, ProbeOutcome<?>> sections = new HashMap<>(full.sections());
    sections.put(HostReport.VULNERABILITIES, ProbeOutcome.completed(new Vulnerabilities(verdicts)));
    HostReport report =
        new HostReport(full.target(), null, full.startedAt(), 1, 1, sections, List.of());

    // When it is judged
    List<Finding> findings = policy.evaluate(report);

    // Then only the flaw is a finding, with the catalogue's severity
    assertThat(ids(findings)).containsExactly("vuln.rc4");
    assertThat(findings.get(0).severity())
        .isEqualTo(FindingCatalog.byId("vuln.rc4").orElseThrow().severity());
  }

  @Test
  void everyCheckHasACatalogueEntry() {
    for (Weakness weakness : Weakness.values()) {
      assertThat(FindingCatalog.byId("vuln." + weakness.wireName()))
          .as("vuln.%s", weakness.wireName())
          .isPresent();
    }
  }
}
