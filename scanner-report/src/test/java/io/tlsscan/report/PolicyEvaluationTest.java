package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.ProbeOutcome;
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

  private static HostReport answering(HttpReport http) {
    return SampleReports.withSection(
        SampleReports.trusted(), HostReport.HTTP, ProbeOutcome.completed(http));
  }

  private static List<Finding> httpFindings(Policy policy, HostReport report) {
    return new PolicyEvaluator(policy)
        .evaluate(report).stream().filter(f -> f.id().startsWith("http.")).toList();
  }

  @Test
  void noHstsIsAMediumFindingAndHighWhenThePolicyRequiresHsts() throws Exception {
    // Given a response without HSTS, and a policy file that requires it
    HostReport report = answering(new HttpReport(200, null, null, null, null));
    Path file =
        Files.writeString(
            dir.resolve("hsts.yaml"),
            """
            name: hsts
            extends: mozilla-intermediate
            require_hsts: true
            """);
    // Then the default policy finds it missing at medium, the file at high, saying why
    assertThat(httpFindings(BuiltInPolicies.defaultPolicy(), report))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("http.hsts_missing");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.message()).isEqualTo("no Strict-Transport-Security header");
            });
    assertThat(httpFindings(PolicyFiles.load(file), report))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("http.hsts_missing");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.message()).endsWith("; hsts requires HSTS");
            });
  }

  @Test
  void anIgnoredHstsHeaderIsMissingWithItsReason() {
    HostReport report = answering(new HttpReport(200, null, null, null, "no max-age directive"));
    assertThat(httpFindings(BuiltInPolicies.defaultPolicy(), report))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("http.hsts_missing");
              assertThat(f.message())
                  .isEqualTo(
                      "the Strict-Transport-Security header is ignored: no max-age directive");
            });
  }

  @Test
  void hstsUnderSixMonthsIsShortAndSixMonthsIsNot() {
    HostReport day =
        answering(new HttpReport(200, null, null, new Hsts(86_400, true, false), null));
    HostReport justUnder =
        answering(new HttpReport(200, null, null, new Hsts(15_767_999, false, false), null));
    HostReport sixMonths =
        answering(new HttpReport(200, null, null, new Hsts(15_768_000, false, false), null));
    Policy policy = BuiltInPolicies.defaultPolicy();
    assertThat(httpFindings(policy, day))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEqualTo("http.hsts_short");
              assertThat(f.severity()).isEqualTo(Severity.LOW);
              assertThat(f.message()).startsWith("HSTS max-age is 86400 s, under the six months");
            });
    assertThat(httpFindings(policy, justUnder))
        .extracting(Finding::id)
        .containsExactly("http.hsts_short");
    assertThat(httpFindings(policy, sixMonths)).isEmpty();
  }

  @Test
  void withoutAnHttpSectionHstsIsNotJudgedAndARequiringPolicySaysSo() throws Exception {
    Path file =
        Files.writeString(dir.resolve("hsts.yaml"), "name: hsts\nrequire_hsts: true\n");
    Policy requiring = PolicyFiles.load(file);
    assertThat(httpFindings(requiring, SampleReports.trusted())).isEmpty();
    assertThat(new PolicyEvaluator(requiring).unchecked(probe -> !probe.equals("http")))
        .containsExactly("HSTS (add --probes http)");
    assertThat(new PolicyEvaluator(requiring).unchecked(probe -> true)).isEmpty();
    assertThat(new PolicyEvaluator(BuiltInPolicies.defaultPolicy()).unchecked(probe -> false))
        .doesNotContain("HSTS (add --probes http)");
  }

  @Test
  void policyFileNamesSuitesByTheirIanaOrOpenSslName() throws Exception {
    // Given two files forbidding the record's TLS 1.2 suite, one by each name
    Path iana =
        Files.writeString(
            dir.resolve("iana.yaml"),
            "name: iana\nextends: mozilla-intermediate\nciphers:\n"
                + "  forbidden: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]\n");
    Path openSsl =
        Files.writeString(
            dir.resolve("openssl.yaml"),
            "name: openssl\nextends: mozilla-intermediate\nciphers:\n"
                + "  forbidden: [ECDHE-ECDSA-AES128-GCM-SHA256]\n");

    // Then both flag it, and the OpenSSL spelling is the same rule
    assertThat(ids(PolicyFiles.load(iana), SampleReports.expired())).contains("cipher.forbidden");
    assertThat(ids(PolicyFiles.load(openSsl), SampleReports.expired())).contains("cipher.forbidden");
    assertThat(PolicyFiles.load(openSsl).forbiddenCiphers())
        .containsExactly("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
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
        .hasMessageContaining("field ciphers: unknown cipher suite (IANA or OpenSSL name) TLS_NO_SUCH_SUITE")
        .hasMessageNotContaining("Cannot construct");
  }

  @Test
  void unknownPolicyNameListsTheBuiltInOnes() {
    assertThatThrownBy(() -> PolicyFiles.resolve("strictest"))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("mozilla-intermediate");
  }
}
