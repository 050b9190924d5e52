package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.model.Tls12Resumption;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.target.Target;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.Tls13TicketExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import reactor.core.publisher.Mono;

/**
 * The {@code session} section: the OCSP response the full handshake stapled, judged ({@link
 * StapleJudge}), and the Signed Certificate Timestamps of the leaf and the staple (no connection:
 * from what that handshake brought); the application protocols the server accepts ({@link
 * AlpnOffers}, one connection per protocol accepted, plus one, less the one the full handshake
 * selected); whether a TLS 1.2 server resumes a session by its id or by ticket, the ticket's
 * lifetime hint, and whether it agrees to the extended master secret ({@link Tls12Session}, two
 * connections, four when it promises tickets, all but the resumption by id shared with the vulns
 * probe); whether a TLS 1.3 server sends a session ticket, its lifetime and max_early_data, and
 * whether it resumes from it as a PSK ({@link Tls13Tickets}, two connections, one when it sends no
 * ticket); the signature algorithms it signs a TLS 1.2 ServerKeyExchange with ({@link
 * SignatureOffers}, one connection per algorithm accepted, plus one, less the one the protocols
 * probe saw). It reads the protocols probe's TLS 1.2 answer.
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
  private final Tls12Session tls12;
  private final Tls13Tickets tls13;
  private final SignatureOffers sigalgs;
  private final Clock clock;

  /**
   * @param handshakes makes the full handshakes that offer application protocols to a server
   *     without TLS 1.2
   * @param raw sends the raw hellos: application protocols offered to a TLS 1.2 server, session
   *     resumptions, signature algorithms, and the exchanges of tlsscan's own handshakes
   * @param clock the time a staple's next_update is compared with
   */
  public SessionProbe(HandshakeProbe handshakes, RawHelloClient raw, Clock clock) {
    this.alpn = new AlpnOffers(handshakes, raw);
    this.tls12 = new Tls12Session(new Tls12Visits(raw), raw);
    this.tls13 = new Tls13Tickets(raw);
    this.sigalgs = new SignatureOffers(raw);
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

  /** The protocols probe's TLS 1.2 answer tells what its hello already showed. */
  @Override
  public Set<ProbeId> requires() {
    return Set.of(ProbeId.PROTOCOLS);
  }

  /** Its handshakes are TLS over TCP; DTLS servers are not asked. */
  @Override
  public boolean appliesTo(Target target) {
    return target.transport() == Transport.TCP;
  }

  @Override
  public Mono<SessionReport> run(ProbeContext context) {
    HandshakeResult handshake = context.handshake();
    byte[] ocspResponse =
        handshake instanceof HandshakeResult.Completed completed
            ? completed.ocspResponse()
            : new byte[0];
    List<byte[]> chain = handshake.chain();
    ProtocolsResult versions = context.result(ProtocolsProbe.KEY);
    return alpn.ask(context.target(), handshake, versions)
        .zipWhen(protocols -> tls12.ask(context.target(), versions))
        .zipWhen(answers -> tls13Tickets(context))
        .zipWhen(answers -> sigalgs.ask(context.target(), versions))
        .map(
            all -> {
              AlpnOffers.Answer protocols = all.getT1().getT1().getT1();
              Tls12Session.Answer kept = all.getT1().getT1().getT2();
              Tls13Tickets.Answer tickets13 = all.getT1().getT2();
              SignatureAlgorithms signatures = all.getT2();
              List<SignedTimestamp> scts = new ArrayList<>(certificateScts(chain));
              OcspStaple staple = null;
              if (ocspResponse.length > 0) {
                StapleJudge.Judged judged = StapleJudge.judge(ocspResponse, chain, clock.instant());
                staple = judged.staple();
                scts.addAll(judged.scts());
              }
              return new SessionReport(
                  staple,
                  scts,
                  protocols.accepted(),
                  protocols.undecided(),
                  kept.unknown() != null
                      ? null
                      : new Tls12Resumption(
                          kept.resumesById(),
                          kept.promisesTicket(),
                          kept.extendedMasterSecret(),
                          kept.tickets().resumed(),
                          kept.tickets().lifetimeHint(),
                          kept.tickets().unknown()),
                  kept.unknown(),
                  tickets13.resumption(),
                  tickets13.unknown(),
                  signatures);
            });
  }

  /**
   * The TLS 1.3 ticket facts, asked only when the full handshake got TLS 1.3: what it offers
   * (suites, groups) covers what {@link Tls13Tickets} offers, so without it that would fail too.
   * When it settled on a group {@link Tls13Tickets} can offer, that one alone is offered: the
   * server takes it, and no key pair is made for another.
   */
  private Mono<Tls13Tickets.Answer> tls13Tickets(ProbeContext context) {
    if (!(context.handshake() instanceof HandshakeResult.Completed completed)) {
      return Mono.just(
          new Tls13Tickets.Answer(
              null,
              "no full handshake: "
                  + ((HandshakeResult.Failed) context.handshake()).failure().message()));
    }
    String protocol = completed.handshake().protocol();
    return "TLSv1.3".equals(protocol)
        ? tls13.ask(context.target(), ticketGroups(completed.handshake().group()))
        : Mono.just(new Tls13Tickets.Answer(null, "the full handshake settled on " + protocol));
  }

  private static List<NamedGroup> ticketGroups(String settled) {
    return Optional.ofNullable(settled)
        .flatMap(NamedGroup::byName)
        .filter(Tls13TicketExchange.GROUPS::contains)
        .map(List::of)
        .orElse(Tls13TicketExchange.GROUPS);
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
