package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.tls.ClientConversation;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.ServerResponseDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * One raw probe: connect, send a hand-built ClientHello, read the server's answer as far as the
 * scope asks, close. One connection per call; the answer is always one {@link ServerResponse} (a
 * refusal is an answer too); the Mono fails only when the connection itself fails (refused, reset
 * before any byte, connect timeout), the read limit is hit, or the server stays silent for the
 * answer timeout after the hello ({@link NoAnswerException}), so that one hello a server cannot
 * parse does not hold a probe until the target's deadline.
 */
public final class RawHelloClient {
  /** How long a server may take to answer a hello: sslscan's default socket timeout. */
  public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(3);

  private final Connector connector;
  private final Duration answerTimeout;

  public RawHelloClient(Connector connector) {
    this(connector, DEFAULT_ANSWER_TIMEOUT);
  }

  /**
   * @param answerTimeout how long to wait, after sending a hello, for the complete answer
   */
  public RawHelloClient(Connector connector, Duration answerTimeout) {
    this.connector = requireNonNull(connector, "connector");
    this.answerTimeout = requireNonNull(answerTimeout, "answerTimeout");
    if (answerTimeout.isNegative() || answerTimeout.isZero()) {
      throw new IllegalArgumentException("answerTimeout must be positive, got " + answerTimeout);
    }
  }

  /** Sends {@code hello} to {@code address} and reads the answer within {@code scope}. */
  public Mono<ServerResponse> exchange(
      InetSocketAddress address,
      ClientHello hello,
      ServerResponseDecoder.Scope scope,
      ConnectionTracker tracker) {
    return connector.withConnection(address, tracker, channel -> session(channel, hello, scope));
  }

  /**
   * Sends a hello for {@code version} to the target and reads what a probe of that version can see:
   * the flight up to ServerHelloDone below TLS 1.3, the ServerHello in TLS 1.3 (the rest is
   * encrypted). A {@link #isRefusal refusal} by reset or close is the answer {@link
   * ServerResponse.Closed}.
   */
  public Mono<ServerResponse> ask(ProbeTarget target, ProtocolVersion version, ClientHello hello) {
    ServerResponseDecoder.Scope scope =
        version == ProtocolVersion.TLSv1_3
            ? ServerResponseDecoder.Scope.SERVER_HELLO
            : ServerResponseDecoder.Scope.SERVER_FLIGHT;
    return exchange(target.address(), hello, scope, target.tracker())
        .onErrorResume(RawHelloClient::isRefusal, error -> Mono.just(new ServerResponse.Closed()));
  }

  /**
   * Carries {@code conversation} (a handshake over several flights) on a new connection to the
   * target, each wait for the server bounded by this client's answer timeout ({@link
   * ConversationHandler}). One connection, closed when the conversation ends.
   */
  public <T> Mono<T> converse(ProbeTarget target, ClientConversation<T> conversation) {
    return connector.withConnection(
        target.address(),
        target.tracker(),
        channel ->
            Mono.<T>create(
                    sink ->
                        channel
                            .pipeline()
                            .addLast(
                                new ConversationHandler<>(sink, conversation, answerTimeout))));
  }

  /**
   * Whether a failed exchange is the server saying no: a reset or a close right after the hello is
   * how some servers refuse what they do not speak.
   */
  public static boolean isRefusal(Throwable error) {
    String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
    return error instanceof ClosedChannelException
        || (error instanceof IOException && message.contains("connection reset"));
  }

  private Mono<ServerResponse> session(
      Channel channel, ClientHello hello, ServerResponseDecoder.Scope scope) {
    return Mono.create(
        sink ->
            channel
                .pipeline()
                .addLast(
                    new ServerResponseDecoder(scope),
                    new ServerResponseHandler(sink, hello, answerTimeout)));
  }
}
