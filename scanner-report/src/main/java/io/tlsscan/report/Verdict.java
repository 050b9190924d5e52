package io.tlsscan.report;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.Severity;

/**
 * The one-word verdict of the text view:
 *
 * <ul>
 *   <li>{@link #FAIL} — the target could not be scanned, or a finding is {@code high} or {@code
 *       critical};
 *   <li>{@link #WARN} — a finding is {@code low} or {@code medium}, a probe failed, the chain is
 *       not trusted or the certificate does not name the host;
 *   <li>{@link #OK} — none of these ({@code info} findings do not count).
 * </ul>
 */
public enum Verdict {
  OK,
  WARN,
  FAIL;

  /** The verdict on one report. */
  public static Verdict of(HostReport report) {
    Severity worst =
        report.findings().stream()
            .map(Finding::severity)
            .max(Enum::compareTo)
            .orElse(Severity.INFO);
    if (!report.ok() || worst.compareTo(Severity.HIGH) >= 0) {
      return FAIL;
    }
    CertificateReport certificate = report.certificate().resultOrNull();
    boolean certificateDoubtful =
        certificate != null
            && (!certificate.trusted() || certificate.hostnameMatch() == HostnameMatch.MISMATCH);
    if (worst.compareTo(Severity.LOW) >= 0
        || certificateDoubtful
        || !RecordJson.probeErrors(report).isEmpty()) {
      return WARN;
    }
    return OK;
  }
}
