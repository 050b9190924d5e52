package io.tlsscan.probe.handshake;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * A client TLS context of a scan (BoringSSL through netty-tcnative), shared by every handshake of
 * its kind: TLS 1.0 to 1.3 and every cipher suite BoringSSL can offer, so legacy servers still hand
 * over their certificate; the given ALPN protocols; OCSP stapling requested or not; key shares
 * limited to X25519, P-256, P-384 and P-521 (a small hello, see STACK.md). It accepts any chain and
 * reports what the engine saw through {@link HandshakeObservation}s registered per engine. {@link
 * #http1} makes the same context offering only ALPN {@code http/1.1}, for a probe that speaks
 * HTTP/1.1 over it.
 */
public final class HandshakeClientContext {
  /** Every version BoringSSL can offer. */
  private static final String[] ALL_VERSIONS = {"TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1"};

  private static final String[] GROUPS = {"X25519", "P-256", "P-384", "P-521"};

  private final Map<SSLEngine, HandshakeObservation> observations = new ConcurrentHashMap<>();
  private final SslContext context;
  private final boolean requestOcsp;

  /**
   * @param maxCertificateListBytes the largest certificate list the engine will accept
   * @param requestOcsp whether the hello carries status_request
   * @param alpn the application protocols offered, in order
   */
  HandshakeClientContext(int maxCertificateListBytes, boolean requestOcsp, List<String> alpn) {
    OpenSsl.ensureAvailability();
    this.requestOcsp = requestOcsp;
    try {
      this.context =
          SslContextBuilder.forClient()
              .sslProvider(SslProvider.OPENSSL)
              .trustManager(new ObservingTrustManager(observations))
              .keyManager(new ObservingKeyManager(observations))
              .endpointIdentificationAlgorithm(null)
              .protocols(ALL_VERSIONS)
              .ciphers(OpenSsl.availableJavaCipherSuites(), SupportedCipherSuiteFilter.INSTANCE)
              .applicationProtocolConfig(
                  new ApplicationProtocolConfig(
                      ApplicationProtocolConfig.Protocol.ALPN,
                      ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                      ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                      alpn))
              .enableOcsp(requestOcsp)
              .option(OpenSslContextOption.GROUPS, GROUPS)
              .option(OpenSslContextOption.MAX_CERTIFICATE_LIST_BYTES, maxCertificateListBytes)
              .build();
      // Every handshake is a full one: a resumed session skips what a scan reports (the
      // CertificateRequest of gnutls-serv was seen in the first scan of a server only).
      ((OpenSslSessionContext) context.sessionContext()).setSessionCacheEnabled(false);
    } catch (SSLException e) {
      throw new IllegalStateException("cannot build the TLS client context: " + e.getMessage(), e);
    }
  }

  /**
   * The handshake's context with ALPN {@code http/1.1} alone and no OCSP request: what a client
   * sending one HTTP/1.1 request offers. Its engines report nothing ({@link #observe} is not called
   * for them).
   *
   * @param maxCertificateListBytes the largest certificate list the engine will accept
   */
  public static SslContext http1(int maxCertificateListBytes) {
    return new HandshakeClientContext(
            maxCertificateListBytes, false, List.of(ApplicationProtocolNames.HTTP_1_1))
        .context();
  }

  SslContext context() {
    return context;
  }

  /** Whether the hello asks for a stapled OCSP response (the engine has one to read only then). */
  boolean requestsOcsp() {
    return requestOcsp;
  }

  /** Starts collecting what the engine's callbacks see for {@code engine}. */
  HandshakeObservation observe(SSLEngine engine) {
    HandshakeObservation observation = new HandshakeObservation();
    observations.put(engine, observation);
    return observation;
  }

  void forget(SSLEngine engine) {
    observations.remove(engine);
  }
}
