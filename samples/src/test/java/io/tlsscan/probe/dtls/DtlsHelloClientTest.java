package io.tlsscan.probe.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Endpoint;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import java.net.InetSocketAddress;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw DTLS hellos with the cookie exchange against {@code openssl s_server -dtls} on loopback. */
class DtlsHelloClientTest {
  private static TestChain chain;
  private final DtlsHelloClient client = new DtlsHelloClient();

  @BeforeAll
  static void issueCertificates() {
    chain = TestChain.rsa("DTLS Test", "dtls.test");
  }

  private static ProbeTarget target(InetSocketAddress address) {
    return new ProbeTarget(
        Endpoint.tls(address, "dtls.test"), ConnectionTracker.NONE, 1, Transport.DTLS);
  }

  private static ClientHello hello(DtlsVersion version, CipherSuite... suites) {
    return ClientHelloBuilder.forVersion(version.tls())
        .cipherSuites(List.of(suites))
        .serverName("dtls.test")
        .build();
  }

  @Test
  void dtls12ServerHelloAndChainAfterTheCookie() throws CertificateEncodingException {
    // Given s_server speaking DTLS 1.2 with one ECDHE suite (it always asks for a cookie)
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.79.1")
            .datagram(DtlsVersion.DTLSv1_2)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .start()) {
      // When we offer static RSA first and that suite second, asking for the whole flight
      ServerResponse response =
          client
              .ask(
                  target(server.address()),
                  DtlsVersion.DTLSv1_2,
                  hello(
                      DtlsVersion.DTLSv1_2,
                      CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                  true)
              .block(Duration.ofSeconds(20));

      // Then it picks the ECDHE suite in DTLS 1.2 and sends leaf and intermediate
      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      ServerResponse.ServerHello serverHello = (ServerResponse.ServerHello) response;
      assertThat(serverHello.version()).isEqualTo(ProtocolVersion.TLSv1_2);
      assertThat(serverHello.suite()).contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
      ServerFlight flight = serverHello.flight().orElseThrow();
      assertThat(flight.complete()).isTrue();
      assertThat(flight.certificates())
          .containsExactly(
              chain.leaf().certificate().getEncoded(),
              chain.intermediate().certificate().getEncoded());
    }
  }

  @Test
  void dtls10ServerAnswersDtls12WithDtls10() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.79.2")
            .datagram(DtlsVersion.DTLSv1_0)
            .cipher("AES128-SHA")
            .securityLevel(0)
            .start()) {
      ServerResponse dtls12 =
          client
              .ask(
                  target(server.address()),
                  DtlsVersion.DTLSv1_2,
                  hello(DtlsVersion.DTLSv1_2, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
                  false)
              .block(Duration.ofSeconds(20));
      ServerResponse dtls10 =
          client
              .ask(
                  target(server.address()),
                  DtlsVersion.DTLSv1_0,
                  hello(DtlsVersion.DTLSv1_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA),
                  false)
              .block(Duration.ofSeconds(20));

      // A DTLS 1.2 hello gets a ServerHello for DTLS 1.0: not "DTLS 1.2 accepted"
      assertThat(dtls12).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      assertThat(((ServerResponse.ServerHello) dtls12).version())
          .isEqualTo(DtlsVersion.DTLSv1_0.tls());
      assertThat(dtls12.accepts(DtlsVersion.DTLSv1_2.tls())).isFalse();
      assertThat(dtls10).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      assertThat(dtls10.accepts(DtlsVersion.DTLSv1_0.tls())).isTrue();
      assertThat(((ServerResponse.ServerHello) dtls10).suite())
          .contains(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    }
  }

  @Test
  void suiteTheServerLacksIsRefusedWithAnAlert() {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.79.3")
            .datagram(DtlsVersion.DTLSv1_2)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .start()) {
      ServerResponse response =
          client
              .ask(
                  target(server.address()),
                  DtlsVersion.DTLSv1_2,
                  hello(DtlsVersion.DTLSv1_2, CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA),
                  false)
              .block(Duration.ofSeconds(20));

      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.Alert.class);
      assertThat(((ServerResponse.Alert) response).descriptionName())
          .isEqualTo("handshake_failure");
    }
  }

  @Test
  void lostHellosAreSentAgainOnTheDoublingTimer() throws Exception {
    // Given s_server behind a relay that drops the first hello and the first hello with the cookie
    try (OpenSslServer server =
            chain
                .openSslServer()
                .host("127.0.79.4")
                .datagram(DtlsVersion.DTLSv1_2)
                .cipher("ECDHE-RSA-AES128-GCM-SHA256")
                .start();
        LossyUdpRelay relay = new LossyUdpRelay("127.0.79.5", server.address(), Set.of(1, 3))) {
      long start = System.nanoTime();
      ServerResponse response =
          client
              .ask(
                  target(relay.address()),
                  DtlsVersion.DTLSv1_2,
                  hello(DtlsVersion.DTLSv1_2, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256),
                  true)
              .block(Duration.ofSeconds(20));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Then each flight is sent again after 1 s, and the handshake still gets its answer
      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      assertThat(((ServerResponse.ServerHello) response).flight().orElseThrow().certificates())
          .hasSize(2);
      assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4000));
      // hello, hello again, cookie hello, cookie hello again, then the closing alert (which may
      // still be on its way to the relay)
      assertThat(relay.clientDatagrams()).isBetween(4, 5);
    }
  }
}
