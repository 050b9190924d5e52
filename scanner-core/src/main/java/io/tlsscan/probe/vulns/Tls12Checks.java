package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.Renegotiation;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Tls12HandshakeOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The checks that read the target's shared TLS 1.2 full handshake ({@link Tls12Visits#handshake},
 * which the session probe reads too):
 *
 * <ul>
 *   <li>{@code client_renegotiation}: {@code true} when the server answers the renegotiating hello
 *       sent after the handshake with its ServerHello, {@code false} when it refuses it with an
 *       alert or a close, undecided when it lets it go unanswered or answers with an alert that
 *       finds fault with the hello. A server without secure renegotiation (RFC 5746) is asked too:
 *       one that renegotiates anyway is the worst case.
 *   <li>{@code ticketbleed}: the resumption from the ticket that a second shared full handshake,
 *       asking for one, brought ({@link Tls12Visits#ticket}, {@link TicketbleedCheck}). {@code
 *       false} without a resumption for a server that neither promised a ticket to the protocols
 *       probe's TLS 1.2 hello nor issued one: it has none to resume from.
 * </ul>
 *
 * <p>Both are undecided when the handshake fails (the server has none of the suites it offers,
 * say). A server without TLS 1.2 but with older versions is undecided; one with TLS 1.3 only has
 * neither flaw ({@code false}, no connection). The connections are shared with the session probe:
 * one, three for a server that promises tickets.
 */
final class Tls12Checks {
  static final Set<Weakness> CHECKS = Set.of(Weakness.CLIENT_RENEGOTIATION, Weakness.TICKETBLEED);

  private final Tls12Visits visits;
  private final TicketbleedCheck ticketbleed;

  Tls12Checks(Tls12Visits visits) {
    this.visits = requireNonNull(visits, "visits");
    this.ticketbleed = new TicketbleedCheck(visits);
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, ProtocolsResult protocols) {
    if (protocols.accepted(ProtocolVersion.TLSv1_2) == null) {
      return Mono.just(Refusals.all(CHECKS, withoutTls12(protocols)));
    }
    return Refusals.orUndecided(
        visits
            .handshake(target)
            .map(Tls12Checks::renegotiation)
            .zipWhen(renegotiation -> ticketbleed(target, protocols))
            .map(verdicts -> verdicts(verdicts.getT1(), verdicts.getT2())),
        CHECKS);
  }

  private Mono<WeaknessVerdict> ticketbleed(ProbeTarget target, ProtocolsResult protocols) {
    if (!mayIssueTickets(protocols)) {
      return Mono.just(WeaknessVerdict.of(false));
    }
    return visits
        .ticket(target)
        .flatMap(
            outcome -> {
              if (outcome instanceof Tls12HandshakeOutcome.Failed failed) {
                return Mono.just(handshakeFailed(failed));
              }
              return ((Tls12HandshakeOutcome.Completed) outcome)
                  .ticket()
                  .map(ticket -> ticketbleed.run(target, ticket))
                  .orElseGet(
                      () ->
                          Mono.just(
                              WeaknessVerdict.inconclusive("the server issued no session ticket")));
            });
  }

  private static WeaknessVerdict renegotiation(Tls12HandshakeOutcome outcome) {
    if (outcome instanceof Tls12HandshakeOutcome.Failed failed) {
      return handshakeFailed(failed);
    }
    Renegotiation answer =
        ((Tls12HandshakeOutcome.Completed) outcome).renegotiation().orElseThrow();
    if (answer instanceof Renegotiation.Unanswered) {
      return WeaknessVerdict.undecided(
          ErrorKind.TIMEOUT, "the server did not answer the renegotiating hello");
    }
    if (answer instanceof Renegotiation.Unclear unclear) {
      return WeaknessVerdict.inconclusive(unclear.why());
    }
    return WeaknessVerdict.of(answer instanceof Renegotiation.Accepted);
  }

  private static WeaknessVerdict handshakeFailed(Tls12HandshakeOutcome.Failed failed) {
    return WeaknessVerdict.inconclusive("the TLS 1.2 handshake failed: " + failed.reason());
  }

  /**
   * Without TLS 1.2: {@code false} when the server speaks only TLS 1.3 (both flaws need an older
   * version), undecided when it has older versions, which the handshake does not speak.
   */
  private static WeaknessVerdict withoutTls12(ProtocolsResult protocols) {
    boolean older =
        protocols.acceptedVersions().stream()
            .anyMatch(v -> v != ProtocolVersion.TLSv1_3 && v != ProtocolVersion.SSLv2);
    return older
        ? WeaknessVerdict.inconclusive(
            "the check runs over TLS 1.2 only, which the server does not accept")
        : WeaknessVerdict.of(false);
  }

  private static Map<Weakness, WeaknessVerdict> verdicts(
      WeaknessVerdict renegotiation, WeaknessVerdict ticketbleed) {
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    verdicts.put(Weakness.CLIENT_RENEGOTIATION, renegotiation);
    verdicts.put(Weakness.TICKETBLEED, ticketbleed);
    return verdicts;
  }

  /**
   * Whether the server may issue tickets: unless the protocols probe's TLS 1.2 ServerHello, to a
   * hello that asked for one, lacked the SessionTicket extension a server that will send a ticket
   * includes (RFC 5077 section 3.2).
   */
  private static boolean mayIssueTickets(ProtocolsResult protocols) {
    return protocols
        .serverHello(ProtocolVersion.TLSv1_2)
        .map(ServerResponse.ServerHello::promisesTicket)
        .orElse(true);
  }
}
