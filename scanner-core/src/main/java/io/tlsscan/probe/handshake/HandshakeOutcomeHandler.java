package io.tlsscan.probe.handshake;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.internal.tcnative.SSL;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.tls.ProtocolVersion;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import reactor.core.publisher.MonoSink;

/**
 * Last handler of a handshake pipeline: turns the handshake's end (success, alert, error, close)
 * into exactly one {@link HandshakeResult}. When the server asked for a client certificate and TLS
 * 1.3 completed on our side, it waits a short grace period for the server's verdict, which in TLS
 * 1.3 arrives only after our Finished. One instance per channel; runs on its event loop.
 */
final class HandshakeOutcomeHandler extends ChannelInboundHandlerAdapter {
  private static final long CLIENT_AUTH_GRACE_MS = 300;

  private final MonoSink<HandshakeResult> sink;
  private final SslHandler ssl;
  private final HandshakeObservation observation;
  private final boolean ocspRequested;
  private boolean done;
  private Handshake pendingHandshake;
  private byte[] ocspResponse = new byte[0];

  HandshakeOutcomeHandler(
      MonoSink<HandshakeResult> sink,
      SslHandler ssl,
      HandshakeObservation observation,
      boolean ocspRequested) {
    this.sink = sink;
    this.ssl = ssl;
    this.observation = observation;
    this.ocspRequested = ocspRequested;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent completion) {
      if (completion.isSuccess()) {
        succeeded(ctx);
      } else {
        fail(FailureClassifier.classify(completion.cause()));
      }
    }
    ReferenceCountUtil.release(event);
  }

  private void succeeded(ChannelHandlerContext ctx) {
    Handshake handshake = describe(ssl.engine());
    if (observation.wasClientCertificateRequested()
        && handshake.protocol().equals(ProtocolVersion.TLSv1_3.reportName())) {
      pendingHandshake = handshake;
      ctx.executor().schedule(this::finishPending, CLIENT_AUTH_GRACE_MS, TimeUnit.MILLISECONDS);
      return;
    }
    finish(
        new HandshakeResult.Completed(
            handshake, completedChain(), ocspResponse, observation.serverHello()));
  }

  private void finishPending() {
    finish(
        new HandshakeResult.Completed(
            pendingHandshake, completedChain(), ocspResponse, observation.serverHello()));
  }

  /**
   * The chain as the session has it: the trust manager's callback only sees the first ten
   * certificates (the engine's verify depth), the session all that were sent.
   */
  private List<byte[]> completedChain() {
    try {
      Certificate[] certificates = ssl.engine().getSession().getPeerCertificates();
      List<byte[]> der = new ArrayList<>(certificates.length);
      for (Certificate certificate : certificates) {
        der.add(certificate.getEncoded());
      }
      return der;
    } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
      return observation.chain();
    }
  }

  /** The negotiated parameters; keeps the stapled OCSP response for the result. */
  private Handshake describe(SSLEngine engine) {
    SSLSession session = engine.getSession();
    String group = null;
    if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
      byte[] stapled = ocspRequested ? openSsl.getOcspResponse() : null;
      ocspResponse = stapled == null ? new byte[0] : stapled;
      try {
        group = NegotiatedNames.group(SSL.getGroupName(openSsl.sslPointer()));
      } catch (Exception e) {
        group = null;
      }
    }
    return new Handshake(
        NegotiatedNames.protocol(session.getProtocol()),
        NegotiatedNames.cipher(session.getCipherSuite()),
        group,
        ssl.applicationProtocol(),
        ocspResponse.length > 0,
        observation.wasClientCertificateRequested(),
        Handshake.SOURCE_TLS_LIBRARY);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(FailureClassifier.classify(cause));
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(new Failure(ErrorKind.RESET, "server closed the connection before the handshake ended"));
    ctx.fireChannelInactive();
  }

  private void fail(Failure failure) {
    if (pendingHandshake != null && failure.kind() == ErrorKind.RESET) {
      finishPending();
      return;
    }
    Failure reported = failure;
    if (observation.wasClientCertificateRequested() && failure.kind() == ErrorKind.TLS_ALERT) {
      reported =
          new Failure(
              ErrorKind.TLS_ALERT,
              "server requires a client certificate (" + failure.message() + ")");
    }
    finish(
        new HandshakeResult.Failed(
            reported,
            reported.kind() == ErrorKind.STARTTLS_FAILED ? "starttls" : "handshake",
            observation.chain(),
            observation.wasClientCertificateRequested()));
  }

  private void finish(HandshakeResult result) {
    if (!done) {
      done = true;
      sink.success(result);
    }
  }
}
