package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Tls12Ticket;
import java.util.Arrays;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code ticketbleed} (CVE-2016-9244, F5 BIG-IP): a server that resumes a session from a ticket
 * sends back a 32-byte session id whatever the length of the client's, the bytes past the client's
 * being its own memory. Given the ticket of the shared TLS 1.2 full handshake, the shared
 * resumption ({@link Tls12Visits#ticketResumption}) offers it with the session's suite and a
 * {@value Tls12Visits#RESUMING_ID_LENGTH}-byte session id. The server resumes (ChangeCipherSpec
 * after the ServerHello) and echoes:
 *
 * <ul>
 *   <li>the id sent: {@code false};
 *   <li>32 bytes starting with the id sent: {@code true}.
 * </ul>
 *
 * <p>Undecided: the server did not resume with its own fresh ticket (a full handshake says nothing
 * about what a resumption would echo), or it echoed anything else. One connection, shared with the
 * session probe.
 */
final class TicketbleedCheck {
  /** The length of the session id a vulnerable server echoes. */
  private static final int LEAKED_ID_LENGTH = 32;

  private final Tls12Visits visits;

  TicketbleedCheck(Tls12Visits visits) {
    this.visits = requireNonNull(visits, "visits");
  }

  /** Offers {@code ticket} and judges the session id the server sends back. */
  Mono<WeaknessVerdict> run(ProbeTarget target, Tls12Ticket ticket) {
    return visits.ticketResumption(target, ticket).map(TicketbleedCheck::judge);
  }

  /** The verdict on the answer to a hello that offered a fresh ticket. */
  private static WeaknessVerdict judge(Tls12Visits.TicketResumption resumption) {
    if (!(resumption.answer() instanceof ServerResponse.ServerHello hello)) {
      return Refusals.refused(resumption.answer(), Set.of(Weakness.TICKETBLEED))
          .get(Weakness.TICKETBLEED);
    }
    if (!resumption.resumed()) {
      return WeaknessVerdict.inconclusive(
          "the server did not resume the session of the ticket it had just issued: a full"
              + " handshake does not show the session id a resumption sends back");
    }
    byte[] echoed = hello.sessionId();
    byte[] sent = resumption.sentId();
    if (Arrays.equals(echoed, sent)) {
      return WeaknessVerdict.of(false);
    }
    if (echoed.length == LEAKED_ID_LENGTH && resumption.echoesSentId()) {
      return WeaknessVerdict.of(true);
    }
    return WeaknessVerdict.inconclusive(
        "the server resumed with a session id of "
            + echoed.length
            + " bytes that is not the "
            + sent.length
            + " sent");
  }
}
