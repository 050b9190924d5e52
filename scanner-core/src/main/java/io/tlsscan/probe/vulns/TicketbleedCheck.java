package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.Connector;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code ticketbleed} (CVE-2016-9244, F5 BIG-IP): a server that resumes a session from a ticket
 * sends back a 32-byte session id whatever the length of the client's, the bytes past the client's
 * being its own memory. First a full TLS 1.2 handshake through the JDK's TLS stack, which asks for
 * a ticket; the ticket is read off the wire ({@link SessionTicketSniffer}: a TLS 1.2
 * NewSessionTicket comes in the clear). Then a raw hello offering that ticket, the session's suite
 * and a one-byte session id. The server resumes (ChangeCipherSpec after the ServerHello) and
 * echoes:
 *
 * <ul>
 *   <li>the one byte sent: {@code false};
 *   <li>32 bytes starting with the byte sent: {@code true}.
 * </ul>
 *
 * <p>Undecided: no ticket was issued (nothing to resume, so the flaw cannot show), the JDK could
 * not complete the handshake, the server did not resume with its own fresh ticket (a full handshake
 * says nothing about what a resumption would echo), or it echoed anything else. A server that
 * speaks only TLS 1.3 is {@code false} without a connection; one with older versions but no TLS 1.2
 * is undecided. Two connections, one after the other (one when no ticket comes).
 */
final class TicketbleedCheck {
  static final Set<Weakness> CHECKS = Set.of(Weakness.TICKETBLEED);

  /** The length of the session id a vulnerable server echoes. */
  private static final int LEAKED_ID_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Connector connector;
  private final RawHelloClient client;
  private final JdkTls12Client tls12;

  TicketbleedCheck(Connector connector, RawHelloClient client, JdkTls12Client tls12) {
    this.connector = requireNonNull(connector, "connector");
    this.client = requireNonNull(client, "client");
    this.tls12 = requireNonNull(tls12, "tls12");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, ProtocolsResult protocols) {
    Optional<WeaknessVerdict> withoutTls12 =
        JdkTls12Client.withoutTls12(protocols, "ticket resumption");
    if (withoutTls12.isPresent()) {
      return Mono.just(Map.of(Weakness.TICKETBLEED, withoutTls12.get()));
    }
    Mono<WeaknessVerdict> verdict =
        connector
            .withConnection(target.endpoint(), target.tracker(), channel -> ticket(channel, target))
            .flatMap(
                grant ->
                    grant instanceof TicketGrant.Issued issued
                        ? resume(target, issued)
                        : Mono.just(((TicketGrant.None) grant).verdict()));
    return Refusals.orUndecided(verdict.map(v -> Map.of(Weakness.TICKETBLEED, v)), CHECKS);
  }

  /** A full handshake, and the ticket the server sent in it. */
  private Mono<TicketGrant> ticket(Channel channel, ProbeTarget target) {
    return Mono.create(
        sink -> {
          SessionTicketSniffer sniffer = new SessionTicketSniffer();
          SslHandler ssl = tls12.handler(channel, target);
          channel.pipeline().addLast(sniffer, ssl);
          ssl.handshakeFuture()
              .addListener(
                  done -> {
                    if (!done.isSuccess()) {
                      sink.success(
                          new TicketGrant.None(JdkTls12Client.handshakeFailed(done.cause())));
                      return;
                    }
                    String suiteName = ssl.engine().getSession().getCipherSuite();
                    Optional<CipherSuite> suite = CipherSuite.byName(suiteName);
                    Optional<byte[]> ticket = sniffer.ticket();
                    if (ticket.isEmpty()) {
                      sink.success(none("the server issued no session ticket"));
                    } else if (suite.isEmpty()) {
                      sink.success(none("the session's suite " + suiteName + " is not known"));
                    } else {
                      sink.success(new TicketGrant.Issued(ticket.get(), suite.get()));
                    }
                  });
        });
  }

  private static TicketGrant none(String reason) {
    return new TicketGrant.None(WeaknessVerdict.inconclusive(reason));
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
      return Refusals.refused(answer, CHECKS).get(Weakness.TICKETBLEED);
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
