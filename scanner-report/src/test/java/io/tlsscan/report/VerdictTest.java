package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerdictTest {

  @Test
  void trustedWithoutFindingsIsOk() {
    assertThat(Verdict.of(SampleReports.trusted())).isEqualTo(Verdict.OK);
  }

  @ParameterizedTest
  @EnumSource(ErrorKind.class)
  void anUnscannedTargetFails(ErrorKind kind) {
    assertThat(Verdict.of(SampleReports.failed(kind))).isEqualTo(Verdict.FAIL);
  }

  @ParameterizedTest
  @EnumSource(Severity.class)
  void theWorstFindingDecides(Severity severity) {
    HostReport report =
        SampleReports.trusted().withFindings(List.of(new Finding("x", severity, "x", "p")));
    Verdict expected =
        switch (severity) {
          case INFO -> Verdict.OK;
          case LOW, MEDIUM -> Verdict.WARN;
          case HIGH, CRITICAL -> Verdict.FAIL;
        };
    assertThat(Verdict.of(report)).isEqualTo(expected);
  }

  @Test
  void untrustedOrMismatchedCertificateWarnsEvenWithoutFindings() {
    assertThat(Verdict.of(SampleReports.expired().withFindings(List.of()))).isEqualTo(Verdict.WARN);
    HostReport trusted = SampleReports.trusted();
    CertificateReport certificate = trusted.certificate().resultOrNull();
    HostReport mismatch =
        SampleReports.withCertificate(
            trusted,
            new CertificateReport(
                List.of(),
                HostnameMatch.MISMATCH,
                certificate.chain(),
                certificate.path(),
                List.of()));
    assertThat(Verdict.of(mismatch)).isEqualTo(Verdict.WARN);
  }

  @Test
  void aFailedProbeWarns() {
    assertThat(Verdict.of(SampleReports.certificateProbeFailed())).isEqualTo(Verdict.WARN);
    assertThat(Verdict.of(SampleReports.cipherProbeFailed()))
        .as("a trusted target without findings whose cipher probe failed")
        .isEqualTo(Verdict.WARN);
  }
}
