package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Tls13Resumption;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Tls13Ticket;
import io.tlsscan.tls.Tls13TicketExchange;
import io.tlsscan.tls.Tls13TicketOutcome;
import java.security.SecureRandom;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What a TLS 1.3 server offers for resumption: a full handshake of our own ({@link
 * Tls13TicketExchange}) waits for its NewSessionTicket (lifetime, max_early_data); a raw hello then
 * offers that ticket as a PSK, and the server resumed when its ServerHello selects it
 * (pre_shared_key, RFC 8446 section 4.2.11). Two connections with a ticket, one without.
 */
final class Tls13Tickets {
  /** The pre_shared_key extension type. */
  private static final int PRE_SHARED_KEY = 41;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RawHelloClient raw;

  Tls13Tickets(RawHelloClient raw) {
    this.raw = requireNonNull(raw, "raw");
  }

  /**
   * @param resumption the facts; {@code null} when the handshake could not be completed
   * @param unknown why {@code resumption} is {@code null}; {@code null} otherwise
   */
  record Answer(Tls13Resumption resumption, String unknown) {}

  /**
   * @param groups the groups to offer key shares for: some of {@link Tls13TicketExchange#GROUPS}
   */
  Mono<Answer> ask(ProbeTarget target, List<NamedGroup> groups) {
    return raw.converse(target, new Tls13TicketExchange(target.serverName(), groups, RANDOM))
        .flatMap(outcome -> resume(target, outcome))
        .onErrorResume(
            error -> Mono.just(new Answer(null, "TLS 1.3 handshake: " + error.getMessage())));
  }

  private Mono<Answer> resume(ProbeTarget target, Tls13TicketOutcome outcome) {
    if (outcome instanceof Tls13TicketOutcome.NotIssued) {
      return Mono.just(new Answer(new Tls13Resumption(false, null, null, false, null), null));
    }
    if (outcome instanceof Tls13TicketOutcome.Failed failed) {
      return Mono.just(new Answer(null, "TLS 1.3 handshake: " + failed.reason()));
    }
    Tls13Ticket ticket = ((Tls13TicketOutcome.Issued) outcome).ticket();
    Long maxEarlyData =
        ticket.maxEarlyData().isPresent() ? ticket.maxEarlyData().getAsLong() : null;
    return raw.ask(
            target,
            ProtocolVersion.TLSv1_3,
            Tls13TicketExchange.resuming(ticket, target.serverName(), RANDOM))
        .map(
            answer -> {
              boolean hello =
                  answer instanceof ServerResponse.ServerHello serverHello
                      && serverHello.version() == ProtocolVersion.TLSv1_3;
              Boolean resumed =
                  hello ? ((ServerResponse.ServerHello) answer).hasExtension(PRE_SHARED_KEY) : null;
              return new Answer(
                  new Tls13Resumption(
                      true,
                      ticket.lifetimeSeconds(),
                      maxEarlyData,
                      resumed,
                      hello ? null : refusal(answer)),
                  null);
            });
  }

  /** Why the hello offering the ticket got no TLS 1.3 ServerHello. */
  private static String refusal(ServerResponse answer) {
    String why =
        answer instanceof ServerResponse.Alert alert
            ? "alert " + alert.descriptionName()
            : "no TLS 1.3 ServerHello";
    return why + " to the hello offering the ticket";
  }
}
