package io.tlsscan.probe.handshake;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.NotTlsGuard;
import io.tlsscan.tls.ServerHelloCapture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The full handshake: one connection, BoringSSL through Netty's {@link SslHandler}, SNI set to the
 * target's name, and the negotiated parameters and certificate chain collected. The Mono never
 * fails: every failure is a {@link HandshakeResult.Failed}. A server that answers with something
 * other than TLS fails at once as {@code not_tls}.
 *
 * <p>A server that hangs up on the hello before sending anything of its own (no certificate, no
 * alert) is asked once more without the status_request extension: lighttpd with wolfSSL 5.5 does
 * that to every hello asking for an OCSP staple it cannot build (wolfSSL errors -275 and -188, and
 * {@code openssl s_client -status} fails the same way), while the same hello without it completes
 * TLS 1.3. Such a handshake reports {@code ocsp_stapled: false}.
 *
 * <p>It has no timeout of its own beyond the connect timeout: the caller's per-target deadline
 * bounds it, and cancelling the Mono closes the connection. Thread-safe; one instance serves a
 * whole scan.
 */
public final class HandshakeProbe {
  /** The application protocols the full handshakes offer by ALPN, in order. */
  public static final List<String> DEFAULT_ALPN =
      List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);

  private final Connector connector;
  private final HandshakeClientContext client;
  private final HandshakeClientContext withoutOcsp;
  private final int maxCertificateListBytes;

  /** The contexts built at first use: one per ALPN protocol list offered. */
  private final Map<String, HandshakeClientContext> byAlpn = new ConcurrentHashMap<>();

  /**
   * @param connector opens the connection
   * @param maxCertificateListBytes the largest certificate list the engine will accept
   */
  public HandshakeProbe(Connector connector, int maxCertificateListBytes) {
    this.connector = requireNonNull(connector, "connector");
    this.maxCertificateListBytes = maxCertificateListBytes;
    this.client = context(true, DEFAULT_ALPN);
    this.withoutOcsp = context(false, DEFAULT_ALPN);
  }

  /**
   * A full handshake offering {@code protocols} by ALPN, in order (no OCSP request), for probes
   * that ask which application protocols the server accepts. The context for each list is built at
   * its first use and kept for the scan, so callers offer lists drawn from a fixed, small set.
   *
   * @param endpoint where to connect, what to speak first and the SNI to send
   * @param tracker told about the connection this probe makes
   */
  public Mono<HandshakeResult> offering(
      List<String> protocols, Endpoint endpoint, ConnectionTracker tracker) {
    HandshakeClientContext context =
        byAlpn.computeIfAbsent(
            String.join(",", protocols), key -> context(false, List.copyOf(protocols)));
    return attempt(context, endpoint, tracker, false);
  }

  private HandshakeClientContext context(boolean requestOcsp, List<String> alpn) {
    return new HandshakeClientContext(maxCertificateListBytes, requestOcsp, alpn);
  }

  /**
   * Handshakes with {@code endpoint}, after its STARTTLS preamble if it has one, sending its SNI.
   *
   * @param tracker told about the connection this probe makes
   */
  public Mono<HandshakeResult> run(Endpoint endpoint, ConnectionTracker tracker) {
    return attempt(client, endpoint, tracker, true)
        .flatMap(
            result ->
                hungUpOnHello(result)
                    ? attempt(withoutOcsp, endpoint, tracker, true)
                    : Mono.just(result));
  }

  /** Closed or reset during the handshake, before the server sent a certificate. */
  private static boolean hungUpOnHello(HandshakeResult result) {
    return result instanceof HandshakeResult.Failed failed
        && failed.phase().equals("handshake")
        && failed.failure().kind() == ErrorKind.RESET
        && failed.chain().isEmpty()
        && !failed.clientCertificateRequested();
  }

  /**
   * @param keepServerHello whether to copy the ServerHello out for the fingerprints (the scan's
   *     full handshake only; the ALPN offers' handshakes have no use for it)
   */
  private Mono<HandshakeResult> attempt(
      HandshakeClientContext context,
      Endpoint endpoint,
      ConnectionTracker tracker,
      boolean keepServerHello) {
    return connector
        .withConnection(
            endpoint,
            tracker,
            channel ->
                handshake(context, channel, endpoint.address(), endpoint.sni(), keepServerHello))
        .onErrorResume(
            error ->
                Mono.just(
                    new HandshakeResult.Failed(
                        FailureClassifier.classify(error), "connect", List.of(), false)));
  }

  /** Builds the handshake pipeline; runs while the channel is set up, before it connects. */
  private static Mono<HandshakeResult> handshake(
      HandshakeClientContext context,
      Channel channel,
      InetSocketAddress address,
      String sni,
      boolean keepServerHello) {
    return Mono.create(
        sink -> {
          SslHandler ssl =
              sni == null
                  ? context.context().newHandler(channel.alloc())
                  : context.context().newHandler(channel.alloc(), sni, address.getPort());
          ssl.setHandshakeTimeoutMillis(0);
          HandshakeObservation observation = context.observe(ssl.engine());
          sink.onDispose(() -> context.forget(ssl.engine()));
          ChannelPipeline pipeline = channel.pipeline().addLast(new NotTlsGuard());
          if (keepServerHello) {
            pipeline.addLast(new ServerHelloCapture(observation::serverHelloReceived));
          }
          pipeline.addLast(
              ssl, new HandshakeOutcomeHandler(sink, ssl, observation, context.requestsOcsp()));
        });
  }
}
