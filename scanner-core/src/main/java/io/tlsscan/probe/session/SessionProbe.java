package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import reactor.core.publisher.Mono;

/**
 * The {@code session} section: the OCSP response the full handshake stapled, judged ({@link
 * StapleJudge}), and the Signed Certificate Timestamps of the leaf and the staple (no connection:
 * from what that handshake brought); the application protocols the server accepts ({@link
 * AlpnOffers}, one connection per protocol offered).
 *
 * <p>SCTs sent in the TLS extension signed_certificate_timestamp are not reported: the TLS library
 * of the handshake does not hand them over.
 */
public final class SessionProbe implements NetworkProbe<SessionReport> {
  public static final ProbeKey<SessionReport> KEY = new ProbeKey<>(ProbeId.SESSION);
  private static final SectionFill<SessionReport, SessionReport> FILLS =
      SectionFill.of(HostReport.SESSION);

  /** The embedded SCT list extension of a certificate, RFC 6962 section 3.3. */
  static final ASN1ObjectIdentifier CERTIFICATE_SCTS =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  private final AlpnOffers alpn;
  private final Clock clock;

  /**
   * @param handshakes makes the full handshakes that offer one application protocol each
   * @param clock the time a staple's next_update is compared with
   */
  public SessionProbe(HandshakeProbe handshakes, Clock clock) {
    this.alpn = new AlpnOffers(handshakes);
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
  public Mono<SessionReport> run(ProbeContext context) {
    HandshakeResult handshake = context.handshake();
    byte[] ocspResponse =
        handshake instanceof HandshakeResult.Completed completed
            ? completed.ocspResponse()
            : new byte[0];
    List<byte[]> chain = handshake.chain();
    return alpn.ask(context.target())
        .map(
            answer -> {
              List<SignedTimestamp> scts = new ArrayList<>(certificateScts(chain));
              OcspStaple staple = null;
              if (ocspResponse.length > 0) {
                StapleJudge.Judged judged = StapleJudge.judge(ocspResponse, chain, clock.instant());
                staple = judged.staple();
                scts.addAll(judged.scts());
              }
              return new SessionReport(staple, scts, answer.accepted(), answer.undecided());
            });
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
