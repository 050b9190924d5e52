package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The JDK's TLS stack as a TLS 1.2 client that takes any certificate, for the checks that need a
 * full handshake the raw hellos cannot complete (BoringSSL cannot start a renegotiation). The JDK
 * asks for a session ticket (RFC 5077) in its hello and speaks no version below TLS 1.2 by default.
 *
 * <p>It asks for no OCSP staple: some servers (wolfSSL with a self-signed certificate) drop a hello
 * with status_request, and the checks have no use for a staple. The JDK has no per-connection
 * switch for it, only the system property {@value #STATUS_REQUEST_PROPERTY}, which it reads each
 * time a TLS context is made; this class sets it to {@code false} unless it is set already, so it
 * applies to every JDK TLS client of the JVM.
 */
final class JdkTls12Client {
  static final String STATUS_REQUEST_PROPERTY = "jdk.tls.client.enableStatusRequestExtension";

  static {
    if (System.getProperty(STATUS_REQUEST_PROPERTY) == null) {
      System.setProperty(STATUS_REQUEST_PROPERTY, "false");
    }
  }

  private final Duration handshakeTimeout;

  JdkTls12Client(Duration handshakeTimeout) {
    this.handshakeTimeout = requireNonNull(handshakeTimeout, "handshakeTimeout");
  }

  /**
   * A handler that starts a full handshake with the target (its server name as SNI) once active.
   * Each handler has a context of its own: a shared one would cache the session and resume it on
   * the next connection to the same target, and a resumption neither issues a ticket nor shows how
   * the server renegotiates from scratch.
   *
   * @throws IllegalStateException when the JDK cannot make a TLS 1.2 client
   */
  SslHandler handler(Channel channel, ProbeTarget target) {
    SslContext context = newContext();
    SslHandler ssl =
        target.serverName() == null
            ? context.newHandler(channel.alloc())
            : context.newHandler(channel.alloc(), target.serverName(), target.address().getPort());
    ssl.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
    return ssl;
  }

  private static SslContext newContext() {
    try {
      return SslContextBuilder.forClient()
          .sslProvider(SslProvider.JDK)
          .trustManager(InsecureTrustManagerFactory.INSTANCE)
          .endpointIdentificationAlgorithm(null)
          .protocols("TLSv1.2")
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the JDK TLS 1.2 client: " + e.getMessage(), e);
    }
  }

  /**
   * The verdict of a check that needs TLS 1.2 on a server without it: {@code false} when it speaks
   * only TLS 1.3 (the attack needs an older version), undecided when it has older versions, which
   * the JDK does not speak; empty when the server accepts TLS 1.2.
   */
  static Optional<WeaknessVerdict> withoutTls12(ProtocolsResult protocols) {
    if (protocols.accepted(ProtocolVersion.TLSv1_2) != null) {
      return Optional.empty();
    }
    boolean older =
        protocols.acceptedVersions().stream()
            .anyMatch(v -> v != ProtocolVersion.TLSv1_3 && v != ProtocolVersion.SSLv2);
    return Optional.of(
        older
            ? WeaknessVerdict.inconclusive(
                "the check runs over TLS 1.2 only, which the server does not accept")
            : WeaknessVerdict.of(false));
  }

  /** The undecided verdict of a check whose TLS 1.2 handshake failed. */
  static WeaknessVerdict handshakeFailed(Throwable cause) {
    Failure failure = FailureClassifier.classify(cause);
    return WeaknessVerdict.undecided(
        failure.kind(), "the TLS 1.2 handshake failed: " + failure.message());
  }
}
