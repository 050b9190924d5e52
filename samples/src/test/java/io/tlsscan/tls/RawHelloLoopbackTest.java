package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ServerResponseDecoder.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hand-built hellos against {@code openssl s_server} on loopback. */
class RawHelloLoopbackTest {
  private static TestChain chain;

  @BeforeAll
  static void issueCertificates() {
    chain = TestChain.rsa("Raw Test", "raw.test");
  }

  /** Writes the hello on a plain socket and decodes what comes back, within 5 seconds. */
  private static ServerResponse exchange(InetSocketAddress address, ClientHello hello, Scope scope)
      throws IOException {
    EmbeddedChannel channel = new EmbeddedChannel(new ServerResponseDecoder(scope));
    try (Socket socket = new Socket()) {
      socket.connect(address, 5_000);
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(hello.bytes());
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int total = 0;
      while (total <= scope.maxBytes()) {
        int n;
        try {
          n = in.read(buffer);
        } catch (SocketTimeoutException e) {
          break;
        }
        if (n < 0) {
          break;
        }
        total += n;
        channel.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
        Object response = channel.readInbound();
        if (response != null) {
          channel.finishAndReleaseAll();
          return (ServerResponse) response;
        }
      }
    }
    channel.finish();
    Object response = channel.readInbound();
    channel.finishAndReleaseAll();
    return (ServerResponse) response;
  }

  private static ClientHelloBuilder hello(ProtocolVersion version, CipherSuite... suites) {
    return ClientHelloBuilder.forVersion(version)
        .cipherSuites(List.of(suites))
        .serverName("raw.test");
  }

  @Test
  void tls12ServerHelloWithChainAndEcdheGroup() throws IOException {
    // Given a TLS 1.2 server with one ECDHE suite
    try (OpenSslServer server =
        chain
            .openSslServer()
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES128-GCM-SHA256")
            .start()) {
      // When we offer a static-RSA suite first and the ECDHE one second
      ClientHello clientHello =
          hello(
                  ProtocolVersion.TLSv1_2,
                  CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
                  CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)
              .build();
      ServerResponse response = exchange(server.address(), clientHello, Scope.SERVER_FLIGHT);

      // Then it picks the ECDHE suite and sends leaf + intermediate and an x25519 key exchange
      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      ServerResponse.ServerHello serverHello = (ServerResponse.ServerHello) response;
      assertThat(serverHello.version()).isEqualTo(ProtocolVersion.TLSv1_2);
      assertThat(serverHello.suite()).contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
      assertThat(serverHello.secureRenegotiation()).isTrue();
      ServerFlight flight = serverHello.flight().orElseThrow();
      assertThat(flight.complete()).isTrue();
      assertThat(flight.certificates())
          .containsExactly(
              chain.leaf().certificate().getEncoded(),
              chain.intermediate().certificate().getEncoded());
      assertThat(flight.keyExchange())
          .contains(new KeyExchangeParameters.NamedCurve(NamedGroup.X25519.code()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void tls10ServerHello() throws IOException {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .only(ProtocolVersion.TLSv1_0)
            .cipher("AES128-SHA")
            .securityLevel(0)
            .start()) {
      ServerResponse response =
          exchange(
              server.address(),
              hello(ProtocolVersion.TLSv1_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build(),
              Scope.SERVER_HELLO);

      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      ServerResponse.ServerHello serverHello = (ServerResponse.ServerHello) response;
      assertThat(serverHello.version()).isEqualTo(ProtocolVersion.TLSv1_0);
      assertThat(serverHello.suite()).contains(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);
    }
  }

  @Test
  void tls13ServerHelloWithX25519() throws IOException {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .only(ProtocolVersion.TLSv1_3)
            .ciphersuites("TLS_AES_256_GCM_SHA384")
            .groups("X25519")
            .start()) {
      ClientHello clientHello =
          ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
              .cipherSuites(CipherSuite.forVersion(ProtocolVersion.TLSv1_3))
              .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
              .build();

      ServerResponse response = exchange(server.address(), clientHello, Scope.SERVER_FLIGHT);

      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      ServerResponse.ServerHello serverHello = (ServerResponse.ServerHello) response;
      assertThat(serverHello.version()).isEqualTo(ProtocolVersion.TLSv1_3);
      assertThat(serverHello.suite()).contains(CipherSuite.TLS_AES_256_GCM_SHA384);
      assertThat(serverHello.group()).contains(NamedGroup.X25519);
      assertThat(serverHello.flight()).isEmpty();
    }
  }

  @Test
  void tls13HelloRetryRequestThenSecp256r1Share() throws IOException {
    // Given a TLS 1.3 server that only does P-256
    try (OpenSslServer server =
        chain.openSslServer().only(ProtocolVersion.TLSv1_3).groups("P-256").start()) {
      ClientHelloBuilder builder =
          ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
              .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
              .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1));

      // When we send only an x25519 share, it asks for secp256r1
      ServerResponse retry =
          exchange(
              server.address(),
              builder.keyShares(List.of(NamedGroup.X25519)).build(),
              Scope.SERVER_HELLO);
      assertThat(retry).as(server.output()).isInstanceOf(ServerResponse.HelloRetryRequest.class);
      assertThat(((ServerResponse.HelloRetryRequest) retry).group()).contains(NamedGroup.SECP256R1);

      // And a real secp256r1 share is accepted
      ServerResponse accepted =
          exchange(
              server.address(),
              builder.keyShares(List.of(NamedGroup.SECP256R1)).build(),
              Scope.SERVER_HELLO);
      assertThat(accepted).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      assertThat(((ServerResponse.ServerHello) accepted).group()).contains(NamedGroup.SECP256R1);
    }
  }

  @Test
  void dheSuiteReportsTheDhPrimeSize() throws IOException {
    // Given a server with 1024-bit DH parameters (RFC 2409 group 2)
    try (OpenSslServer server =
        chain
            .openSslServer()
            .only(ProtocolVersion.TLSv1_2)
            .cipher("DHE-RSA-AES128-GCM-SHA256")
            .securityLevel(0)
            .dhParameters(
                DHStandardGroups.rfc2409_1024.getP(), DHStandardGroups.rfc2409_1024.getG())
            .start()) {
      ServerResponse response =
          exchange(
              server.address(),
              hello(ProtocolVersion.TLSv1_2, CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)
                  .build(),
              Scope.SERVER_FLIGHT);

      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.ServerHello.class);
      ServerFlight flight = ((ServerResponse.ServerHello) response).flight().orElseThrow();
      assertThat(flight.keyExchange())
          .contains(new KeyExchangeParameters.DiffieHellman(1024, Optional.empty()));
      assertThat(flight.certificates()).hasSize(2);
    }
  }

  @Test
  void noCommonSuiteIsAHandshakeFailureAlert() throws IOException {
    try (OpenSslServer server =
        chain
            .openSslServer()
            .only(ProtocolVersion.TLSv1_2)
            .cipher("ECDHE-RSA-AES256-GCM-SHA384")
            .start()) {
      ServerResponse response =
          exchange(
              server.address(),
              hello(ProtocolVersion.TLSv1_2, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build(),
              Scope.SERVER_HELLO);

      assertThat(response).as(server.output()).isEqualTo(new ServerResponse.Alert(2, 40));
    }
  }

  @Test
  void unsupportedVersionIsAProtocolVersionAlert() throws IOException {
    try (OpenSslServer server = chain.openSslServer().only(ProtocolVersion.TLSv1_2).start()) {
      ServerResponse response =
          exchange(
              server.address(),
              hello(ProtocolVersion.TLSv1_0, CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA).build(),
              Scope.SERVER_HELLO);

      assertThat(response).as(server.output()).isInstanceOf(ServerResponse.Alert.class);
      assertThat(((ServerResponse.Alert) response).descriptionName()).isEqualTo("protocol_version");
    }
  }
}
