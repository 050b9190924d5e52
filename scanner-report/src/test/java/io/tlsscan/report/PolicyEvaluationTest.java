package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Severity;
import io.tlsscan.policy.BuiltInPolicies;
import io.tlsscan.policy.Policy;
import io.tlsscan.policy.PolicyEvaluator;
import io.tlsscan.report.policy.PolicyFileException;
import io.tlsscan.report.policy.PolicyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies judged on a hand-made record: TLS 1.2 and 1.3, ECDHE-ECDSA AES-GCM, a P-256 key. */
class PolicyEvaluationTest {
  @TempDir Path dir;

  private static List<String> ids(Policy policy, HostReport report) {
    return new PolicyEvaluator(policy).evaluate(report).stream().map(Finding::id).toList();
  }

  @Test
  void intermediateAcceptsWhatModernRejects() {
    HostReport report = SampleReports.expired();

    // Then intermediate finds nothing wrong with versions and suites
    assertThat(ids(BuiltInPolicies.named("mozilla-intermediate").orElseThrow(), report))
        .doesNotContain("protocol.tls12", "cipher.not_allowed")
        .contains("cert.expired");
    // And modern flags TLS 1.2 and the TLS 1.2 suite
    assertThat(ids(BuiltInPolicies.named("mozilla-modern").orElseThrow(), report))
        .contains("protocol.tls12", "cipher.not_allowed", "cert.expired");
  }

  @Test
  void dtlsVersionsAreJudgedAsTheTlsVersionsTheyCarry() {
    HostReport dtls12 = SampleReports.dtls();

    // DTLS 1.2 carries TLS 1.2: intermediate allows it, modern does not
    assertThat(ids(BuiltInPolicies.named("mozilla-intermediate").orElseThrow(), dtls12))
        .doesNotContain("protocol.dtls12", "protocol.deprecated");
    assertThat(ids(BuiltInPolicies.named("mozilla-modern").orElseThrow(), dtls12))
        .contains("protocol.dtls12");
  }

  @Test
  void policyFileExtendsAndExemptsWithAReason() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("corp.yaml"),
            """
            name: corp
            extends: mozilla-modern
            severity:
              protocol.tls12: low
            exemptions:
              - host: expired.example
                findings: [cert.expired]
                until: 2999-12-31
                reason: replacement ordered
            """);

    Policy corp = PolicyFiles.load(file);
    List<Finding> findings = new PolicyEvaluator(corp).evaluate(SampleReports.expired());

    assertThat(findings)
        .filteredOn(f -> f.id().equals("protocol.tls12"))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.LOW);
    assertThat(findings)
        .filteredOn(f -> f.id().equals("cert.expired"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).contains("exempt until 2999-12-31: replacement ordered");
            });
  }

  @Test
  void malformedPolicyFileNamesTheLineAndTheField() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("bad.yaml"),
            "name: bad\nprotocols: [TLSv1.2]\nciphers:\n  allowed: [TLS_NO_SUCH_SUITE]\n");

    assertThatThrownBy(() -> PolicyFiles.load(file))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(": line ")
        .hasMessageContaining("field ciphers: unknown cipher suite (IANA name) TLS_NO_SUCH_SUITE")
        .hasMessageNotContaining("Cannot construct");
  }

  @Test
  void unknownPolicyNameListsTheBuiltInOnes() {
    assertThatThrownBy(() -> PolicyFiles.resolve("strictest"))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("mozilla-intermediate");
  }
}
