package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.TicketOutcome;
import io.tlsscan.tls.Tls12TicketExchange;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Whether a TLS 1.2 server resumes a session from its ticket (RFC 5077): a full handshake of our
 * own ({@link Tls12TicketExchange}) takes the NewSessionTicket and its lifetime hint; a raw hello
 * then offers the ticket with a fresh random session id. The server resumed when its ServerHello
 * echoes that id (section 3.4) and goes on to ChangeCipherSpec with no Certificate. Two
 * connections, one after the other.
 */
final class Tls12Tickets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RawHelloClient raw;

  Tls12Tickets(RawHelloClient raw) {
    this.raw = requireNonNull(raw, "raw");
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
    return raw.converse(target, new Tls12TicketExchange(target.serverName(), RANDOM))
        .flatMap(outcome -> resume(target, outcome))
        .onErrorResume(
            error -> Mono.just(Answer.unknown("ticket handshake: " + error.getMessage())));
  }

  private Mono<Answer> resume(ProbeTarget target, TicketOutcome outcome) {
    if (outcome instanceof TicketOutcome.NotIssued) {
      return Mono.just(Answer.NO_TICKET);
    }
    if (outcome instanceof TicketOutcome.Failed failed) {
      return Mono.just(Answer.unknown("ticket handshake: " + failed.reason()));
    }
    TicketOutcome.Issued issued = (TicketOutcome.Issued) outcome;
    byte[] sessionId = new byte[32];
    RANDOM.nextBytes(sessionId);
    return raw.ask(
            target,
            ProtocolVersion.TLSv1_2,
            Hellos.resumingTicket(
                ProtocolVersion.TLSv1_2,
                List.of(issued.suite()),
                sessionId,
                issued.ticket(),
                target.serverName()))
        .map(
            answer ->
                answer instanceof ServerResponse.ServerHello hello
                        && hello.version() == ProtocolVersion.TLSv1_2
                    ? new Answer(
                        resumed(hello, sessionId), issued.lifetimeHintSeconds(), null)
                    : new Answer(
                        null,
                        issued.lifetimeHintSeconds(),
                        "no TLS 1.2 ServerHello to the hello offering the ticket"));
  }

  /** An echo of our id, then no Certificate but the resumed handshake's ChangeCipherSpec. */
  private static boolean resumed(ServerResponse.ServerHello hello, byte[] sessionId) {
    return Arrays.equals(hello.sessionId(), sessionId)
        && hello.flight().map(Tls12Tickets::abbreviated).orElse(false);
  }

  private static boolean abbreviated(ServerFlight flight) {
    return flight.certificates().isEmpty()
        && flight.incompleteReason().orElse("").startsWith("ChangeCipherSpec");
  }
}
