package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
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
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Optional;
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
  private final JdkTls12Client tls12;

  ClientRenegotiationCheck(Connector connector, JdkTls12Client tls12) {
    this.connector = requireNonNull(connector, "connector");
    this.tls12 = requireNonNull(tls12, "tls12");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, ProtocolsResult protocols) {
    Optional<WeaknessVerdict> withoutTls12 =
        JdkTls12Client.withoutTls12(protocols, "renegotiation");
    if (withoutTls12.isPresent()) {
      return Mono.just(Map.of(Weakness.CLIENT_RENEGOTIATION, withoutTls12.get()));
    }
    return Refusals.orUndecided(
        connector
            .withConnection(
                target.endpoint(), target.tracker(), channel -> renegotiate(channel, target))
            .map(verdict -> Map.of(Weakness.CLIENT_RENEGOTIATION, verdict)),
        CHECKS);
  }

  private Mono<WeaknessVerdict> renegotiate(Channel channel, ProbeTarget target) {
    return Mono.create(
        sink -> {
          SslHandler ssl = tls12.handler(channel, target);
          channel.pipeline().addLast(ssl);
          ssl.handshakeFuture()
              .addListener(
                  first -> {
                    if (first.isSuccess()) {
                      ssl.renegotiate().addListener(second -> judge(sink, second.cause()));
                    } else {
                      sink.success(JdkTls12Client.handshakeFailed(first.cause()));
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
              ErrorKind.TIMEOUT,
              "the server did not answer the renegotiation: " + cause.getMessage()));
    } else if (cause instanceof SSLException || cause instanceof ClosedChannelException) {
      sink.success(WeaknessVerdict.of(false));
    } else {
      Failure failure = FailureClassifier.classify(cause);
      sink.success(WeaknessVerdict.undecided(failure.kind(), failure.message()));
    }
  }
}
