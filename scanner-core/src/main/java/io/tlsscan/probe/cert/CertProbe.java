package io.tlsscan.probe.cert;

import static java.util.Objects.requireNonNull;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.AfterProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The {@code certificate} section: the chain the handshake brought, judged by the {@link
 * CertificateAnalyzer} against the target's host name. No connection of its own. A handshake
 * without a certificate (an anonymous suite) is a failure of this probe; a target that ended in an
 * error before any certificate arrived has no section at all.
 */
public final class CertProbe implements AfterProbe<CertificateReport> {
  public static final ProbeKey<CertificateReport> KEY = new ProbeKey<>(ProbeId.CERT);
  private static final SectionFill<CertificateReport, CertificateReport> FILLS =
      SectionFill.of(HostReport.CERTIFICATE);

  private final Supplier<CertificateAnalyzer> analyzer;
  private final Clock clock;

  /**
   * @param analyzer the analyzer, asked for when the first chain arrives
   * @param clock the time certificates are judged at
   */
  public CertProbe(Supplier<CertificateAnalyzer> analyzer, Clock clock) {
    this.analyzer = requireNonNull(analyzer, "analyzer");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public ProbeKey<CertificateReport> key() {
    return KEY;
  }

  @Override
  public SectionFill<CertificateReport, CertificateReport> fills() {
    return FILLS;
  }

  @Override
  public ProbeOutcome<CertificateReport> derive(AfterProbeContext context) {
    if (!context.chain().isEmpty()) {
      return ProbeOutcome.completed(
          analyzer.get().analyze(context.chain(), context.host(), clock.instant()));
    }
    return context
        .handshake()
        .map(
            handshake ->
                ProbeOutcome.<CertificateReport>failed(
                    ErrorKind.HANDSHAKE_FAILED,
                    "server sent no certificate with " + handshake.cipher()))
        .orElse(ProbeOutcome.notRun());
  }
}
