package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.nio.channels.ClosedChannelException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The checks that need a full TLS 1.2 handshake, which the raw hellos cannot complete, made once
 * through the JDK's TLS stack (BoringSSL cannot start a renegotiation):
 *
 * <ul>
 *   <li>the ticket the server issued in it is read off the wire ({@link SessionTicketSniffer}: a
 *       TLS 1.2 NewSessionTicket comes in the clear) for {@link TicketbleedCheck}, which resumes
 *       from it on a second connection;
 *   <li>{@code client_renegotiation}: then {@code SSLEngine.beginHandshake()} again on the same
 *       connection. {@code true} when the server answers the new hello with its handshake (its
 *       ServerHello: {@link RenegotiationAnswerSniffer}), or the second handshake completes; {@code
 *       false} when the server refuses it with an alert or a close; undecided when the server lets
 *       the new hello go unanswered.
 * </ul>
 *
 * <p>Ticketbleed is {@code false} without a resumption for a server that neither promised a ticket
 * to the protocols probe's TLS 1.2 hello nor issued one here: it has none to resume from. The
 * ticket is taken before the renegotiation: a server that drops the session after refusing one
 * makes the resumption a full handshake, which leaves ticketbleed undecided, never {@code false}.
 * Both are undecided when the first handshake fails (the JDK lacks the server's suites, say). A
 * server without TLS 1.2 but with older versions is undecided (the JDK speaks no older version by
 * default); one with TLS 1.3 only has neither flaw ({@code false}, no connection). One connection,
 * two when a ticket came.
 */
final class JdkTls12Checks {
  static final Set<Weakness> CHECKS = Set.of(Weakness.CLIENT_RENEGOTIATION, Weakness.TICKETBLEED);

  private final Connector connector;
  private final JdkTls12Client tls12;
  private final TicketbleedCheck ticketbleed;

  JdkTls12Checks(Connector connector, JdkTls12Client tls12, TicketbleedCheck ticketbleed) {
    this.connector = requireNonNull(connector, "connector");
    this.tls12 = requireNonNull(tls12, "tls12");
    this.ticketbleed = requireNonNull(ticketbleed, "ticketbleed");
  }

  /** What the one JDK connection found: the ticket to resume with and the renegotiation verdict. */
  private record Visit(TicketGrant grant, WeaknessVerdict renegotiation) {}

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, ProtocolsResult protocols) {
    Optional<WeaknessVerdict> withoutTls12 = JdkTls12Client.withoutTls12(protocols);
    if (withoutTls12.isPresent()) {
      return Mono.just(Refusals.all(CHECKS, withoutTls12.get()));
    }
    boolean mayIssueTickets = mayIssueTickets(protocols);
    return Refusals.orUndecided(
        connector
            .withConnection(
                target.endpoint(),
                target.tracker(),
                channel -> visit(channel, target, mayIssueTickets))
            .flatMap(
                visit ->
                    ticketbleed
                        .run(target, visit.grant())
                        .map(verdict -> verdicts(visit.renegotiation(), verdict))),
        CHECKS);
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

  /** A full handshake, the ticket the server sent in it, then a renegotiation. */
  private Mono<Visit> visit(Channel channel, ProbeTarget target, boolean mayIssueTickets) {
    return Mono.create(
        sink -> {
          SessionTicketSniffer sniffer = new SessionTicketSniffer();
          RenegotiationAnswerSniffer answer = new RenegotiationAnswerSniffer();
          SslHandler ssl = tls12.handler(channel, target);
          channel.pipeline().addLast(sniffer, answer, ssl, QuietTail.INSTANCE);
          ssl.handshakeFuture()
              .addListener(
                  first -> {
                    if (!first.isSuccess()) {
                      WeaknessVerdict failed = JdkTls12Client.handshakeFailed(first.cause());
                      sink.success(new Visit(new TicketGrant.None(failed), failed));
                      return;
                    }
                    TicketGrant grant = grant(ssl, sniffer, mayIssueTickets);
                    answer.arm(
                        () -> {
                          sink.success(new Visit(grant, WeaknessVerdict.of(true)));
                          channel.close();
                        });
                    // Once the sniffer has settled it, the close fails this future: the sink
                    // keeps its first value.
                    ssl.renegotiate().addListener(second -> judge(sink, grant, second.cause()));
                  });
        });
  }

  private static TicketGrant grant(
      SslHandler ssl, SessionTicketSniffer sniffer, boolean mayIssueTickets) {
    String suiteName = ssl.engine().getSession().getCipherSuite();
    Optional<CipherSuite> suite = CipherSuite.byName(suiteName);
    Optional<byte[]> ticket = sniffer.ticket();
    if (ticket.isEmpty()) {
      return mayIssueTickets
          ? none("the server issued no session ticket")
          : new TicketGrant.None(WeaknessVerdict.of(false));
    }
    if (suite.isEmpty()) {
      return none("the session's suite " + suiteName + " is not known");
    }
    return new TicketGrant.Issued(ticket.get(), suite.get());
  }

  private static TicketGrant none(String reason) {
    return new TicketGrant.None(WeaknessVerdict.inconclusive(reason));
  }

  private static void judge(MonoSink<Visit> sink, TicketGrant grant, Throwable cause) {
    WeaknessVerdict renegotiation;
    if (cause == null) {
      renegotiation = WeaknessVerdict.of(true);
    } else if (cause instanceof SslHandshakeTimeoutException) {
      renegotiation =
          WeaknessVerdict.undecided(
              ErrorKind.TIMEOUT,
              "the server did not answer the renegotiation: " + cause.getMessage());
    } else if (cause instanceof SSLException || cause instanceof ClosedChannelException) {
      renegotiation = WeaknessVerdict.of(false);
    } else {
      Failure failure = FailureClassifier.classify(cause);
      renegotiation = WeaknessVerdict.undecided(failure.kind(), failure.message());
    }
    sink.success(new Visit(grant, renegotiation));
  }

  /**
   * The end of the pipeline: the TLS engine's failures reach the checks through its handshake
   * futures, so they are not logged again as unhandled.
   */
  @ChannelHandler.Sharable
  private static final class QuietTail extends ChannelInboundHandlerAdapter {
    static final QuietTail INSTANCE = new QuietTail();

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
