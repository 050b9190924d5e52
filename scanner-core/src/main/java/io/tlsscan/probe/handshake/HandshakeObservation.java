package io.tlsscan.probe.handshake;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the TLS engine's callbacks saw during one handshake: the server's chain (delivered to the
 * trust manager before any verdict) and whether the server asked for a client certificate; and the
 * server's ServerHello message, copied on its way to the engine. Written and read on the channel's
 * event loop.
 */
final class HandshakeObservation {
  private List<byte[]> chain = List.of();
  private boolean clientCertificateRequested;
  private byte[] serverHello = new byte[0];

  void chainReceived(X509Certificate[] certificates) {
    List<byte[]> der = new ArrayList<>(certificates.length);
    for (X509Certificate certificate : certificates) {
      try {
        der.add(certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        der.add(new byte[0]);
      }
    }
    chain = List.copyOf(der);
  }

  void clientCertificateRequested() {
    clientCertificateRequested = true;
  }

  void serverHelloReceived(byte[] message) {
    serverHello = message;
  }

  List<byte[]> chain() {
    return chain;
  }

  boolean wasClientCertificateRequested() {
    return clientCertificateRequested;
  }

  byte[] serverHello() {
    return serverHello;
  }
}
