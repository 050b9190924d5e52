package io.tlsscan.probe.handshake;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Has no client certificate to offer; it exists so the engine tells us when the server asks for one
 * (the engine consults the key manager only on a CertificateRequest).
 */
final class ObservingKeyManager extends X509ExtendedKeyManager {
  private final Map<SSLEngine, HandshakeObservation> observations;

  ObservingKeyManager(Map<SSLEngine, HandshakeObservation> observations) {
    this.observations = observations;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    HandshakeObservation observation = observations.get(engine);
    if (observation != null) {
      observation.clientCertificateRequested();
    }
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return null;
  }
}
