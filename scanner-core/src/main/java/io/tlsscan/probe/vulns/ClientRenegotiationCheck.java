package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.Connector;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.tls.ProtocolVersion;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * {@code client_renegotiation}: a full TLS 1.2 handshake through the JDK's TLS stack (BoringSSL
 * cannot start a renegotiation), then {@code SSLEngine.beginHandshake()} again. {@code true} when
 * the second handshake completes; {@code false} when the server refuses it with an alert or a
 * close; undecided when the first handshake fails (the JDK lacks the server's suites, say) or the
 * server lets the new hello go unanswered. A server without TLS 1.2 but with older versions is
 * undecided (the JDK speaks no older version by default); one with TLS 1.3 only cannot renegotiate
 * ({@code false}, no connection). One connection.
 */
final class ClientRenegotiationCheck {
  static final Set<Weakness> CHECKS = Set.of(Weakness.CLIENT_RENEGOTIATION);

  private final Connector connector;
  private final SslContext context;
  private final Duration handshakeTimeout;

  ClientRenegotiationCheck(Connector connector, Duration handshakeTimeout) {
    this.connector = requireNonNull(connector, "connector");
    this.handshakeTimeout = requireNonNull(handshakeTimeout, "handshakeTimeout");
    try {
      this.context =
          SslContextBuilder.forClient()
              .sslProvider(SslProvider.JDK)
              .trustManager(InsecureTrustManagerFactory.INSTANCE)
              .endpointIdentificationAlgorithm(null)
              .protocols("TLSv1.2")
              .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the JDK TLS 1.2 client: " + e.getMessage(), e);
    }
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, ProtocolsResult protocols) {
    if (protocols.accepted(ProtocolVersion.TLSv1_2) == null) {
      boolean older =
          protocols.acceptedVersions().stream()
              .anyMatch(v -> v != ProtocolVersion.TLSv1_3 && v != ProtocolVersion.SSLv2);
      return Mono.just(
          Map.of(
              Weakness.CLIENT_RENEGOTIATION,
              older
                  ? WeaknessVerdict.inconclusive(
                      "renegotiation is tried over TLS 1.2 only, which the server does not accept")
                  : WeaknessVerdict.of(false)));
    }
    return Refusals.orUndecided(
        connector
            .withConnection(
                target.address(), target.tracker(), channel -> renegotiate(channel, target))
            .map(verdict -> Map.of(Weakness.CLIENT_RENEGOTIATION, verdict)),
        CHECKS);
  }

  private Mono<WeaknessVerdict> renegotiate(Channel channel, ProbeTarget target) {
    return Mono.create(
        sink -> {
          SslHandler ssl =
              target.serverName() == null
                  ? context.newHandler(channel.alloc())
                  : context.newHandler(
                      channel.alloc(), target.serverName(), target.address().getPort());
          ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
          channel.pipeline().addLast(ssl);
          ssl.handshakeFuture()
              .addListener(
                  first -> {
                    if (first.isSuccess()) {
                      ssl.renegotiate().addListener(second -> judge(sink, second.cause()));
                    } else {
                      Failure failure = FailureClassifier.classify(first.cause());
                      sink.success(
                          WeaknessVerdict.undecided(
                              failure.kind(), "the TLS 1.2 handshake failed: " + failure.message()));
                    }
                  });
        });
  }

  private static void judge(MonoSink<WeaknessVerdict> sink, Throwable cause) {
    if (cause == null) {
      sink.success(WeaknessVerdict.of(true));
    } else if (cause instanceof SslHandshakeTimeoutException) {
      sink.success(
          WeaknessVerdict.undecided(
              ErrorKind.TIMEOUT, "the server did not answer the renegotiation: " + cause.getMessage()));
    } else if (cause instanceof SSLException || cause instanceof ClosedChannelException) {
      sink.success(WeaknessVerdict.of(false));
    } else {
      Failure failure = FailureClassifier.classify(cause);
      sink.success(WeaknessVerdict.undecided(failure.kind(), failure.message()));
    }
  }
}
