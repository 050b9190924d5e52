package io.tlsscan.probe.handshake;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain and hands it to the handshake's {@link HandshakeObservation}: the
 * scanner judges trust itself, after the handshake, so an untrusted certificate is still fully
 * reported.
 */
final class ObservingTrustManager extends X509ExtendedTrustManager {
  private final Map<SSLEngine, HandshakeObservation> observations;

  ObservingTrustManager(Map<SSLEngine, HandshakeObservation> observations) {
    this.observations = observations;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    HandshakeObservation observation = observations.get(engine);
    if (observation != null) {
      observation.chainReceived(chain);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
