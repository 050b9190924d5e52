package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.Tls12HandshakeOutcome;
import io.tlsscan.tls.Tls12Ticket;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Whether a TLS 1.2 server resumes a session from its ticket (RFC 5077): the ticket of the shared
 * full handshake that asks for one ({@link Tls12Visits#ticket}) is offered by a raw hello with a
 * fresh session id ({@link Tls12Visits#ticketResumption}); the vulns probe reads both too. The
 * server resumed when its ServerHello echoes that id (section 3.4), or a 32-byte id that starts
 * with it (Ticketbleed's flaw), and goes on to ChangeCipherSpec with no Certificate. Two
 * connections, one when no ticket comes.
 */
final class Tls12Tickets {
  private final Tls12Visits visits;

  Tls12Tickets(Tls12Visits visits) {
    this.visits = requireNonNull(visits, "visits");
  }

  /**
   * @param resumed whether the server resumed from its ticket; {@code null} when not known
   * @param lifetimeHint the ticket's lifetime hint in seconds; {@code null} when no ticket came
   * @param unknown why {@code resumed} is not known; {@code null} when it is
   */
  record Answer(Boolean resumed, Long lifetimeHint, String unknown) {
    static final Answer NO_TICKET = new Answer(false, null, null);

    static Answer unknown(String why) {
      return new Answer(null, null, why);
    }
  }

  Mono<Answer> ask(ProbeTarget target) {
    return visits
        .ticket(target)
        .flatMap(
            outcome -> {
              if (outcome instanceof Tls12HandshakeOutcome.Failed failed) {
                return Mono.just(Answer.unknown("ticket handshake: " + failed.reason()));
              }
              Optional<Tls12Ticket> ticket = ((Tls12HandshakeOutcome.Completed) outcome).ticket();
              return ticket.isEmpty() ? Mono.just(Answer.NO_TICKET) : resume(target, ticket.get());
            })
        .onErrorResume(
            error -> Mono.just(Answer.unknown("ticket handshake: " + error.getMessage())));
  }

  private Mono<Answer> resume(ProbeTarget target, Tls12Ticket ticket) {
    long hint = ticket.lifetimeHintSeconds();
    return visits
        .ticketResumption(target, ticket)
        .map(
            resumption ->
                resumption.answer().accepts(ProtocolVersion.TLSv1_2)
                    ? new Answer(resumption.resumed() && resumption.echoesSentId(), hint, null)
                    : new Answer(
                        null, hint, "no TLS 1.2 ServerHello to the hello offering the ticket"))
        .onErrorResume(
            error -> Mono.just(new Answer(null, hint, "ticket resumption: " + error.getMessage())));
  }
}
