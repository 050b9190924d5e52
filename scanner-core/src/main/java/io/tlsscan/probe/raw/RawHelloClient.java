package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Endpoint;
import io.tlsscan.probe.dtls.DtlsHelloClient;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientConversation;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.ServerResponseDecoder;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
  private final DtlsHelloClient datagrams = new DtlsHelloClient();

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

  /**
   * Sends {@code hello} to {@code endpoint} (after its STARTTLS preamble, if any) and reads the
   * answer within {@code scope}.
   */
  public Mono<ServerResponse> exchange(
      Endpoint endpoint,
      ClientHello hello,
      ServerResponseDecoder.Scope scope,
      ConnectionTracker tracker) {
    return connector.withConnection(endpoint, tracker, channel -> session(channel, hello, scope));
  }

  /**
   * Sends a hello for {@code version} to the target and reads what a probe of that version can see:
   * the flight up to ServerHelloDone below TLS 1.3, the ServerHello in TLS 1.3 (the rest is
   * encrypted). A {@link #isRefusal refusal} by reset or close is the answer {@link
   * ServerResponse.Closed}.
   *
   * <p>For a {@link Transport#DTLS} target the hello goes over UDP, framed for the DTLS version
   * that carries {@code version} ({@link DtlsHelloClient}), so that the probes built on this method
   * enumerate DTLS servers as they do TLS ones; {@code version} must be one that DTLS carries.
   */
  public Mono<ServerResponse> ask(ProbeTarget target, ProtocolVersion version, ClientHello hello) {
    if (target.transport() == Transport.DTLS) {
      DtlsVersion dtls =
          DtlsVersion.carrying(version)
              .orElseThrow(() -> new IllegalArgumentException("DTLS does not carry " + version));
      return datagrams.ask(target, dtls, hello, true);
    }
    ServerResponseDecoder.Scope scope =
        version == ProtocolVersion.TLSv1_3
            ? ServerResponseDecoder.Scope.SERVER_HELLO
            : ServerResponseDecoder.Scope.SERVER_FLIGHT;
    return exchange(target.endpoint(), hello, scope, target.tracker())
        .onErrorResume(RawHelloClient::isRefusal, error -> Mono.just(new ServerResponse.Closed()));
  }

  /**
   * The answer to a hello offering suites, and the suites it offered in the end.
   *
   * @param response what the server answered
   * @param offered the suites of the hello answered: those asked for, or all but the DHE ones
   */
  public record SuiteAnswer(ServerResponse response, List<CipherSuite> offered) {
    public SuiteAnswer {
      requireNonNull(response, "response");
      offered = List.copyOf(offered);
    }
  }

  /**
   * {@link #ask Asks} with the hello {@code hello} makes of {@code suites}. When the server closes
   * without a byte and the offer held DHE and other suites, it asks once more without the DHE ones
   * ({@link SuiteOffers#withoutDheAfterClose}): a server without DH parameters that picks a DHE
   * suite ends the handshake so (Dovecot), which says nothing of its other suites.
   */
  public Mono<SuiteAnswer> offer(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> suites,
      Function<List<CipherSuite>, ClientHello> hello) {
    return ask(target, version, hello.apply(suites))
        .flatMap(
            response ->
                SuiteOffers.withoutDheAfterClose(response, suites)
                    .map(fewer -> offer(target, version, fewer, hello))
                    .orElseGet(() -> Mono.just(new SuiteAnswer(response, suites))));
  }

  /**
   * Sends {@code hello} to the target and returns the server's first bytes, at most {@code
   * maxBytes}, unparsed: what has arrived once the first record is whole, or whatever arrived
   * before the server closed (possibly nothing). Fails when the connection fails, or when nothing
   * arrived within the answer timeout ({@link NoAnswerException}) or before an error.
   */
  public Mono<byte[]> firstBytes(ProbeTarget target, ClientHello hello, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    return connector.withConnection(
        target.endpoint(),
        target.tracker(),
        channel ->
            Mono.create(
                sink ->
                    channel
                        .pipeline()
                        .addLast(new FirstBytesHandler(sink, hello, maxBytes, answerTimeout))));
  }

  /**
   * Sends {@code hello} to the target, reads the answer up to ServerHelloDone, then, when it is a
   * ServerHello, writes each of the {@code followUps} made from it in turn (whole records) and
   * listens to the server for {@code listen} after each, or until it closes. One connection; the
   * replies are bounded to 64 KiB. Fails like {@link #exchange} when no answer to the hello comes.
   */
  public Mono<Conversation> converse(
      ProbeTarget target,
      ClientHello hello,
      Function<ServerResponse.ServerHello, List<byte[]>> followUps,
      Duration listen) {
    requireNonNull(listen, "listen");
    return connector.withConnection(
        target.endpoint(),
        target.tracker(),
        channel ->
            Mono.create(
                sink ->
                    channel
                        .pipeline()
                        .addLast(
                            new ServerResponseDecoder(ServerResponseDecoder.Scope.SERVER_FLIGHT),
                            new ConversationHandler(
                                sink, hello, followUps, answerTimeout, listen))));
  }

  /**
   * Carries {@code conversation} (a handshake over several flights) on a new connection to the
   * target, each wait for the server bounded by this client's answer timeout ({@link
   * ClientConversationHandler}). One connection, closed when the conversation ends.
   */
  public <T> Mono<T> converse(ProbeTarget target, ClientConversation<T> conversation) {
    return connector.withConnection(
        target.endpoint(),
        target.tracker(),
        channel ->
            Mono.<T>create(
                sink ->
                    channel
                        .pipeline()
                        .addLast(
                            new ClientConversationHandler<>(sink, conversation, answerTimeout))));
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
