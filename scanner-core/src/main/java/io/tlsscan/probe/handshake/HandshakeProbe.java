package io.tlsscan.probe.handshake;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Connector;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.NotTlsGuard;
import java.net.InetSocketAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The full handshake: one connection, BoringSSL through Netty's {@link SslHandler}, SNI set to the
 * target's name, and the negotiated parameters and certificate chain collected. The Mono never
 * fails: every failure is a {@link HandshakeResult.Failed}. A server that answers with something
 * other than TLS fails at once as {@code not_tls}.
 *
 * <p>It has no timeout of its own beyond the connect timeout: the caller's per-target deadline
 * bounds it, and cancelling the Mono closes the connection. Thread-safe; one instance serves a
 * whole scan.
 */
public final class HandshakeProbe {
  private final Connector connector;
  private final HandshakeClientContext client;

  /**
   * @param connector opens the connection
   * @param maxCertificateListBytes the largest certificate list the engine will accept
   */
  public HandshakeProbe(Connector connector, int maxCertificateListBytes) {
    this.connector = requireNonNull(connector, "connector");
    this.client = new HandshakeClientContext(maxCertificateListBytes);
  }

  /**
   * Handshakes with {@code address}.
   *
   * @param sni the server name to send, or {@code null} for none
   * @param tracker told about the connection this probe makes
   */
  public Mono<HandshakeResult> run(
      InetSocketAddress address, String sni, ConnectionTracker tracker) {
    return connector
        .withConnection(address, tracker, channel -> handshake(channel, address, sni))
        .onErrorResume(
            error ->
                Mono.just(
                    new HandshakeResult.Failed(
                        FailureClassifier.classify(error), "connect", List.of(), false)));
  }

  /** Builds the handshake pipeline; runs while the channel is set up, before it connects. */
  private Mono<HandshakeResult> handshake(Channel channel, InetSocketAddress address, String sni) {
    return Mono.create(
        sink -> {
          SslHandler ssl =
              sni == null
                  ? client.context().newHandler(channel.alloc())
                  : client.context().newHandler(channel.alloc(), sni, address.getPort());
          ssl.setHandshakeTimeoutMillis(0);
          HandshakeObservation observation = client.observe(ssl.engine());
          sink.onDispose(() -> client.forget(ssl.engine()));
          channel
              .pipeline()
              .addLast(new NotTlsGuard(), ssl, new HandshakeOutcomeHandler(sink, ssl, observation));
        });
  }
}
