package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.Renegotiation;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Tls12HandshakeOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * What a TLS 1.2 server keeps of a session: the shared full handshake ({@link
 * Tls12Visits#handshake}, which the vulns probe reads too) makes the server cache the session and
 * gives its id; a raw hello then offers that id back with the same suite and no session_ticket
 * extension (JSSE looks an id up only when the hello offers no ticket), and the server resumed it
 * when its ServerHello echoes the id (RFC 5246 section 7.4.1.3); {@link Tls12Tickets} sees whether
 * it resumes from the ticket. The protocols probe's TLS 1.2 hello, which offered no id, already
 * showed whether the server agrees to the extended master secret (RFC 7627) and promises a session
 * ticket (RFC 5077). When the server refused the handshake's renegotiation fatally and does not
 * resume, the answers are unknown: it may have forgotten the session then. Two connections, four
 * with a ticket, one at a time; none for a server without TLS 1.2.
 */
final class Tls12Session {
  private final Tls12Visits visits;
  private final RawHelloClient raw;
  private final Tls12Tickets tickets;

  Tls12Session(Tls12Visits visits, RawHelloClient raw) {
    this.visits = requireNonNull(visits, "visits");
    this.raw = requireNonNull(raw, "raw");
    this.tickets = new Tls12Tickets(visits);
  }

  /**
   * The answers, or why there are none.
   *
   * @param resumesById whether the server resumed a session by its id
   * @param extendedMasterSecret whether the server agrees to the extended master secret
   * @param promisesTicket whether the server announces a session ticket
   * @param tickets whether it resumes from a ticket, and the ticket's lifetime hint
   * @param unknown why the three are not known (e.g. the server has no TLS 1.2); {@code null} when
   *     they are
   */
  record Answer(
      boolean resumesById,
      boolean extendedMasterSecret,
      boolean promisesTicket,
      Tls12Tickets.Answer tickets,
      String unknown) {
    static Answer unknown(String why) {
      return new Answer(false, false, false, Tls12Tickets.Answer.NO_TICKET, why);
    }
  }

  /**
   * @param protocols the protocols probe's answers, whose TLS 1.2 ServerHello tells the extended
   *     master secret and the ticket promise
   */
  Mono<Answer> ask(ProbeTarget target, ProtocolsResult protocols) {
    Optional<ServerResponse.ServerHello> fresh = protocols.serverHello(ProtocolVersion.TLSv1_2);
    if (fresh.isEmpty()) {
      return Mono.just(Answer.unknown("the server does not accept TLS 1.2"));
    }
    return visits
        .handshake(target)
        .onErrorResume(
            error ->
                Mono.just(new Tls12HandshakeOutcome.Failed(String.valueOf(error.getMessage()))))
        .flatMap(
            outcome ->
                outcome instanceof Tls12HandshakeOutcome.Completed completed
                    ? ask(target, fresh.get(), completed)
                    : Mono.just(
                        Answer.unknown(
                            "no TLS 1.2 handshake: "
                                + ((Tls12HandshakeOutcome.Failed) outcome).reason())));
  }

  private Mono<Answer> ask(
      ProbeTarget target,
      ServerResponse.ServerHello fresh,
      Tls12HandshakeOutcome.Completed completed) {
    byte[] sessionId = completed.serverHello().sessionId();
    Optional<Renegotiation.Refused> fatalRefusal = fatalRefusal(completed);
    Mono<Boolean> byId =
        sessionId.length == 0
            ? Mono.just(false)
            : raw.ask(
                    target,
                    ProtocolVersion.TLSv1_2,
                    Hellos.resuming(
                        ProtocolVersion.TLSv1_2,
                        List.of(completed.suite()),
                        sessionId,
                        target.serverName()))
                .map(
                    resumed ->
                        resumed instanceof ServerResponse.ServerHello hello
                            && hello.accepts(ProtocolVersion.TLSv1_2)
                            && Arrays.equals(hello.sessionId(), sessionId));
    Mono<Tls12Tickets.Answer> byTicket =
        fresh.promisesTicket() ? tickets.ask(target) : Mono.just(Tls12Tickets.Answer.NO_TICKET);
    return byId.zipWhen(resumed -> byTicket)
        .map(
            kept ->
                !kept.getT1() && sessionId.length > 0 && fatalRefusal.isPresent()
                    ? Answer.unknown(
                        "the session was not resumed by its id, which the server may have"
                            + " dropped when it refused the renegotiation tried on that handshake"
                            + " with "
                            + fatalRefusal.get().how())
                    : new Answer(
                        kept.getT1(),
                        fresh.extendedMasterSecret(),
                        fresh.promisesTicket(),
                        kept.getT2(),
                        null));
  }

  /** A fatal refusal, after which RFC 5246 section 7.2.2 lets a server forget the session. */
  private static Optional<Renegotiation.Refused> fatalRefusal(
      Tls12HandshakeOutcome.Completed completed) {
    return completed
        .renegotiation()
        .filter(Renegotiation.Refused.class::isInstance)
        .map(Renegotiation.Refused.class::cast)
        .filter(Renegotiation.Refused::fatal);
  }
}
