package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.AfterProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The {@code session} section: the OCSP response the handshake stapled, judged ({@link
 * StapleJudge}), and the Signed Certificate Timestamps of the leaf and the staple. No connection of
 * its own: it reads what the full handshake brought. A target that ended in an error before a
 * handshake has no section.
 *
 * <p>SCTs sent in the TLS extension signed_certificate_timestamp are not reported: the TLS library
 * of the handshake does not hand them over.
 */
public final class SessionProbe implements AfterProbe<SessionReport> {
  public static final ProbeKey<SessionReport> KEY = new ProbeKey<>(ProbeId.SESSION);
  private static final SectionFill<SessionReport, SessionReport> FILLS =
      SectionFill.of(HostReport.SESSION);

  /** The embedded SCT list extension of a certificate, RFC 6962 section 3.3. */
  static final ASN1ObjectIdentifier CERTIFICATE_SCTS =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  private final Clock clock;

  /** @param clock the time a staple's next_update is compared with */
  public SessionProbe(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public ProbeKey<SessionReport> key() {
    return KEY;
  }

  @Override
  public SectionFill<SessionReport, SessionReport> fills() {
    return FILLS;
  }

  @Override
  public ProbeOutcome<SessionReport> derive(AfterProbeContext context) {
    if (context.handshake().isEmpty()) {
      return ProbeOutcome.notRun();
    }
    return ProbeOutcome.completed(report(context.chain(), context.ocspResponse(), clock.instant()));
  }

  /**
   * @param chain the DER certificates the server sent, leaf first
   * @param ocspResponse the stapled DER response; empty when none
   */
  static SessionReport report(List<byte[]> chain, byte[] ocspResponse, Instant now) {
    List<SignedTimestamp> scts = new ArrayList<>(certificateScts(chain));
    OcspStaple staple = null;
    if (ocspResponse.length > 0) {
      StapleJudge.Judged judged = StapleJudge.judge(ocspResponse, chain, now);
      staple = judged.staple();
      scts.addAll(judged.scts());
    }
    return new SessionReport(staple, scts);
  }

  private static List<SignedTimestamp> certificateScts(List<byte[]> chain) {
    if (chain.isEmpty()) {
      return List.of();
    }
    try {
      Extension extension = new X509CertificateHolder(chain.get(0)).getExtension(CERTIFICATE_SCTS);
      return extension == null
          ? List.of()
          : SctList.fromExtension(
              extension.getExtnValue().getOctets(), SignedTimestamp.FROM_CERTIFICATE);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
