package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code ticketbleed} (CVE-2016-9244, F5 BIG-IP): a server that resumes a session from a ticket
 * sends back a 32-byte session id whatever the length of the client's, the bytes past the client's
 * being its own memory. Given the ticket of a full TLS 1.2 handshake ({@link JdkTls12Checks}), a
 * raw hello offers it with the session's suite and a one-byte session id. The server resumes
 * (ChangeCipherSpec after the ServerHello) and echoes:
 *
 * <ul>
 *   <li>the one byte sent: {@code false};
 *   <li>32 bytes starting with the byte sent: {@code true}.
 * </ul>
 *
 * <p>Undecided: a ticket was promised but none issued (nothing to resume, so the flaw cannot show),
 * the server did not resume with its own fresh ticket (a full handshake says nothing about what a
 * resumption would echo), or it echoed anything else. One connection, none without a ticket.
 */
final class TicketbleedCheck {
  /** The length of the session id a vulnerable server echoes. */
  private static final int LEAKED_ID_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RawHelloClient client;

  TicketbleedCheck(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  /** The verdict: {@code grant}'s reason when there is no ticket, else a resumption's. */
  Mono<WeaknessVerdict> run(ProbeTarget target, TicketGrant grant) {
    return grant instanceof TicketGrant.Issued issued
        ? resume(target, issued)
        : Mono.just(((TicketGrant.None) grant).verdict());
  }

  /** Offers the ticket with a one-byte session id and judges the id the server sends back. */
  private Mono<WeaknessVerdict> resume(ProbeTarget target, TicketGrant.Issued issued) {
    byte[] sessionId = {(byte) (1 + RANDOM.nextInt(255))};
    ClientHello hello =
        Hellos.builder(ProtocolVersion.TLSv1_2, target.serverName())
            .cipherSuites(List.of(issued.suite()))
            .sessionId(sessionId)
            .sessionTicket(issued.ticket())
            .build();
    return client
        .ask(target, ProtocolVersion.TLSv1_2, hello)
        .map(answer -> judge(answer, sessionId));
  }

  /** The verdict on the answer to a hello that offered a fresh ticket and {@code sent} as id. */
  static WeaknessVerdict judge(ServerResponse answer, byte[] sent) {
    if (!(answer instanceof ServerResponse.ServerHello hello)) {
      return Refusals.refused(answer, Set.of(Weakness.TICKETBLEED)).get(Weakness.TICKETBLEED);
    }
    boolean resumed = hello.flight().map(ServerFlight::resumed).orElse(false);
    if (!resumed) {
      return WeaknessVerdict.inconclusive(
          "the server did not resume the session of the ticket it had just issued: a full"
              + " handshake does not show the session id a resumption sends back");
    }
    byte[] echoed = hello.sessionId();
    if (Arrays.equals(echoed, sent)) {
      return WeaknessVerdict.of(false);
    }
    if (echoed.length == LEAKED_ID_LENGTH && echoed[0] == sent[0]) {
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
