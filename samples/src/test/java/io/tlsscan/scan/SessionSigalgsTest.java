package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code session} section's signature algorithms against {@code openssl s_server} with an RSA
 * certificate, restricted by {@code -sigalgs} or not.
 */
class SessionSigalgsTest {
  private static final String HOST = "sigalgs.test";

  private static TestChain chain;
  @AutoClose private static SessionScans scans;

  @BeforeAll
  static void setUp() {
    scans = new SessionScans("Sigalgs Test", HOST, Duration.ofSeconds(20));
    chain = scans.chain();
  }

  private static SignatureAlgorithms sigalgs(OpenSslServer server) {
    return scans.session(server.address()).sigalgs();
  }

  @Test
  void serverRestrictedToPssSignsWithPssOnly() {
    // Given a TLS 1.2 server that may sign only with RSA-PSS, SHA-256 or SHA-384
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.96.1")
            .only(ProtocolVersion.TLSv1_2)
            .arguments("-sigalgs", "rsa_pss_rsae_sha384:rsa_pss_rsae_sha256")
            .start()) {
      // When its signature algorithms are probed
      SignatureAlgorithms sigalgs = sigalgs(server);
      // Then exactly those two are found, and TLS 1.3 says why it has none
      assertThat(sigalgs.tls12())
          .as("%s", sigalgs)
          .containsExactlyInAnyOrder("rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384");
      assertThat(sigalgs.tls12Error()).isNull();
      assertThat(sigalgs.tls13()).isNull();
      assertThat(sigalgs.tls13Error()).contains("encrypted CertificateVerify");
    }
  }

  @Test
  void theAlgorithmTheProtocolsProbeSawCostsNoConnection() {
    // Given a TLS 1.2 server with one ECDHE suite, which signs its every key exchange, and two
    // signature algorithms
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.96.5")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .arguments("-sigalgs", "rsa_pss_rsae_sha384:rsa_pss_rsae_sha256")
            .start()) {
      // When its session is probed
      HostReport report = scans.scan(server.address());
      // Then both algorithms are found
      SignatureAlgorithms sigalgs = report.session().resultOrNull().sigalgs();
      assertThat(sigalgs.tls12())
          .as("%s", sigalgs)
          .containsExactlyInAnyOrder("rsa_pss_rsae_sha256", "rsa_pss_rsae_sha384");
      // and the record counts the full handshake, the protocols probe's six hellos (whose TLS 1.2
      // one was signed with the first algorithm), one ALPN offer, the TLS 1.2 handshake and the
      // resumption hello, the ticket's handshake and hello, no TLS 1.3 ticket check, and two
      // signature offers: the second algorithm, then the one refused
      assertThat(report.connections()).isEqualTo(1 + 6 + 1 + 2 + 2 + 2);
    }
  }

  @Test
  void goEndsTheListWithAnAlertAfterItsServerHello() {
    assumeTrue(InteropStack.CADDY.missing().isEmpty(), "caddy installed");
    // Given caddy (Go's TLS), which answers an offer of algorithms it cannot sign with by a
    // ServerHello, its Certificate and an alert
    try (InteropServer server = chain.interopServer(InteropStack.CADDY, "127.0.96.6", "")) {
      // When its signature algorithms are probed
      SignatureAlgorithms sigalgs = scans.session(server.address()).sigalgs();
      // Then that alert ends the list of those Go signs with for an RSA key
      assertThat(sigalgs.tls12Error()).as("%s", sigalgs).isNull();
      assertThat(sigalgs.tls12())
          .containsExactlyInAnyOrder(
              "rsa_pss_rsae_sha256",
              "rsa_pss_rsae_sha384",
              "rsa_pss_rsae_sha512",
              "rsa_pkcs1_sha256",
              "rsa_pkcs1_sha384",
              "rsa_pkcs1_sha512",
              "rsa_pkcs1_sha1");
    }
  }

  @Test
  void jsseOverAnSslEngineEndsTheListWithACloseAfterItsServerHello() throws Exception {
    // Given the JDK's HttpsServer (JSSE through an SSLEngine), which answers an offer of
    // algorithms it cannot sign with by a ServerHello, its Certificate and a close without an
    // alert, and JSSE's SSLServerSocket with the same key, which ends the same way with an alert
    HttpsServer overEngine = HttpsServer.create(new InetSocketAddress("127.0.96.7", 0), 0);
    overEngine.setHttpsConfigurator(new HttpsConfigurator(sslContext()));
    overEngine.createContext("/", exchange -> exchange.sendResponseHeaders(204, -1));
    overEngine.start();
    try (InteropServer overSocket = chain.interopServer(InteropStack.JSSE, "127.0.96.8", "")) {
      // When the signature algorithms of both are probed
      SignatureAlgorithms closing = scans.session(overEngine.getAddress()).sigalgs();
      SignatureAlgorithms alerting = scans.session(overSocket.address()).sigalgs();
      // Then the close ends the list as the alert does: the same algorithms for the same key
      assertThat(closing.tls12Error()).as("%s", closing).isNull();
      assertThat(alerting.tls12Error()).as("%s", alerting).isNull();
      assertThat(closing.tls12())
          .contains("rsa_pss_rsae_sha256", "rsa_pkcs1_sha256")
          .containsExactlyInAnyOrderElementsOf(alerting.tls12());
    } finally {
      overEngine.stop(0);
    }
  }

  /** A JSSE server context with the test chain's RSA leaf and intermediate. */
  private static SSLContext sslContext() throws GeneralSecurityException, IOException {
    char[] password = "changeit".toCharArray();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(chain.keyStore(password), password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  @Test
  void serverRestrictedToPkcs1Sha1DoesNotSignWithPss() {
    // Given a TLS 1.2 server that may sign only with PKCS#1 SHA-256 and SHA-1
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.96.2")
            .only(ProtocolVersion.TLSv1_2)
            .securityLevel(0)
            .arguments("-sigalgs", "RSA+SHA256:RSA+SHA1")
            .start()) {
      // When its signature algorithms are probed
      SignatureAlgorithms sigalgs = sigalgs(server);
      // Then SHA-1 is seen, and no PSS
      assertThat(sigalgs.tls12())
          .as("%s", sigalgs)
          .containsExactlyInAnyOrder("rsa_pkcs1_sha256", "rsa_pkcs1_sha1");
    }
  }

  @Test
  void defaultServerSignsWithPssAndPkcs1ButNotEcdsa() {
    // Given an OpenSSL server with an RSA certificate and default signature algorithms
    try (OpenSslServer server = chain.openSslServer().host("127.0.96.3").start()) {
      // When its signature algorithms are probed
      SignatureAlgorithms sigalgs = sigalgs(server);
      // Then RSA ones are seen, no ECDSA
      assertThat(sigalgs.tls12())
          .as("%s", sigalgs)
          .contains("rsa_pss_rsae_sha256", "rsa_pkcs1_sha256")
          .noneMatch(name -> name.startsWith("ecdsa"));
    }
  }

  @Test
  void tls13OnlyServerHasNoTls12Sigalgs() {
    // Given a server that speaks TLS 1.3 only
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.96.4").only(ProtocolVersion.TLSv1_3).start()) {
      // When its signature algorithms are probed
      SignatureAlgorithms sigalgs = sigalgs(server);
      // Then the TLS 1.2 list is unknown, and says why
      assertThat(sigalgs.tls12()).isNull();
      assertThat(sigalgs.tls12Error()).isEqualTo("the server does not accept TLS 1.2");
    }
  }
}
