package io.tlsscan.samples.fleet;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server key manager holding one key and a chain that is sent exactly as given, in any order.
 * Netty checks a chain given as key + certificates through a JDK key store, which refuses a chain
 * whose certificates do not each issue the one before; a key manager bypasses that check.
 */
public final class FixedChainKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "demo";

  private final PrivateKey key;
  private final X509Certificate[] chain;

  public FixedChainKeyManager(PrivateKey key, X509Certificate... chain) {
    this.key = key;
    this.chain = chain.clone();
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return ALIAS;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return ALIAS;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return new String[] {ALIAS};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return new String[0];
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }
}
