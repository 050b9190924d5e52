package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Tls12FullHandshake;
import io.tlsscan.tls.Tls12HandshakeOutcome;
import io.tlsscan.tls.Tls12Ticket;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/**
 * The TLS 1.2 exchanges that the session and vulns probes both read, each made once per target
 * ({@link SharedAnswers}): a full handshake of our own with a renegotiation after it ({@link
 * Tls12FullHandshake#renegotiating}: the session id, whether the server renegotiates), one that
 * asks for a session ticket ({@link Tls12FullHandshake#askingForTicket}), and a raw hello that
 * resumes from that ticket with a {@value #RESUMING_ID_LENGTH}-byte session id, which a server that
 * resumes echoes (RFC 5077 section 3.4) and one with Ticketbleed's flaw lengthens to 32 bytes. One
 * connection each.
 */
public final class Tls12Visits {
  /** The length of the session id the ticket resumption sends: less than 32 bytes. */
  public static final int RESUMING_ID_LENGTH = 16;

  private static final SharedAnswers.Key<Tls12HandshakeOutcome> HANDSHAKE =
      new SharedAnswers.Key<>("TLS 1.2 full handshake");
  private static final SharedAnswers.Key<Tls12HandshakeOutcome> TICKET =
      new SharedAnswers.Key<>("TLS 1.2 full handshake asking for a ticket");
  private static final SharedAnswers.Key<TicketResumption> TICKET_RESUMPTION =
      new SharedAnswers.Key<>("TLS 1.2 ticket resumption");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RawHelloClient raw;

  public Tls12Visits(RawHelloClient raw) {
    this.raw = requireNonNull(raw, "raw");
  }

  /**
   * The server's answer to a hello that offered a ticket.
   *
   * @param sentId the session id the hello sent
   * @param answer the server's answer
   */
  public record TicketResumption(byte[] sentId, ServerResponse answer) {
    public TicketResumption {
      sentId = sentId.clone();
      requireNonNull(answer, "answer");
    }

    @Override
    public byte[] sentId() {
      return sentId.clone();
    }

    /** Whether the server resumed: a ServerHello, then ChangeCipherSpec and no Certificate. */
    public boolean resumed() {
      return answer instanceof ServerResponse.ServerHello hello
          && hello.flight().map(ServerFlight::resumed).orElse(false);
    }

    /** Whether the session id of the server's ServerHello starts with the one sent. */
    public boolean echoesSentId() {
      return answer instanceof ServerResponse.ServerHello hello
          && hello.sessionId().length >= sentId.length
          && Arrays.equals(hello.sessionId(), 0, sentId.length, sentId, 0, sentId.length);
    }
  }

  /** The target's full handshake and renegotiation; an error when the connection failed. */
  public Mono<Tls12HandshakeOutcome> handshake(ProbeTarget target) {
    return fullHandshake(target, HANDSHAKE, Tls12FullHandshake::renegotiating);
  }

  /** The target's full handshake that asks for a ticket; an error when the connection failed. */
  public Mono<Tls12HandshakeOutcome> ticket(ProbeTarget target) {
    return fullHandshake(target, TICKET, Tls12FullHandshake::askingForTicket);
  }

  private Mono<Tls12HandshakeOutcome> fullHandshake(
      ProbeTarget target,
      SharedAnswers.Key<Tls12HandshakeOutcome> key,
      BiFunction<String, SecureRandom, Tls12FullHandshake> kind) {
    return target
        .shared()
        .once(key, () -> raw.converse(target, kind.apply(target.serverName(), RANDOM)));
  }

  /**
   * The answer to a hello offering {@code ticket}, the one {@link #ticket} brought, with the
   * session's suite alone and a fresh random session id.
   */
  public Mono<TicketResumption> ticketResumption(ProbeTarget target, Tls12Ticket ticket) {
    return target
        .shared()
        .once(
            TICKET_RESUMPTION,
            () -> {
              byte[] sessionId = new byte[RESUMING_ID_LENGTH];
              RANDOM.nextBytes(sessionId);
              return raw.ask(
                      target,
                      ProtocolVersion.TLSv1_2,
                      Hellos.resumingTicket(
                          ProtocolVersion.TLSv1_2,
                          List.of(ticket.suite()),
                          sessionId,
                          ticket.ticket(),
                          target.serverName()))
                  .map(answer -> new TicketResumption(sessionId, answer));
            });
  }
}
