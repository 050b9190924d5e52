package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.SessionReport;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code session} section's list of accepted application protocols, against {@code openssl
 * s_server -alpn} and Go: exactly the server's list, whatever it would choose first, asked in raw
 * TLS 1.2 hellos where TLS 1.2 is accepted and in full TLS 1.3 handshakes (where the choice is
 * encrypted) where it is not.
 */
class SessionAlpnTest {
  private static final String HOST = "alpn.test";

  private static TestChain chain;
  @AutoClose private static SessionScans scans;

  @BeforeAll
  static void setUp() {
    scans = new SessionScans("Alpn Test", HOST, Duration.ofSeconds(15));
    chain = scans.chain();
  }

  private static SessionReport session(OpenSslServer server) {
    return scans.session(server.address());
  }

  @Test
  void tls13ServerWithH2AndHttp11AcceptsExactlyThose() {
    // Given a TLS 1.3 server configured with h2 and http/1.1
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.92.1").arguments("-alpn", "h2,http/1.1").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then both are listed, and nothing else of the offers
      assertThat(session.alpn()).as("%s", session).containsExactly("h2", "http/1.1");
      assertThat(session.alpnError()).isNull();
    }
  }

  /** An s_server on {@code address} speaking only {@code version}, selecting among {@code alpn}. */
  private static OpenSslServer alpnServer(String address, ProtocolVersion version, String alpn) {
    return chain.openSslServer().host(address).only(version).arguments("-alpn", alpn).start();
  }

  @Test
  void tls12ServerListsItsProtocolsInOfferOrder() {
    // Given a TLS 1.2-only server that speaks spdy/3.1 and http/1.1 (openssl 3.0 refuses an offer
    // it has none of with alert no_application_protocol)
    try (OpenSslServer server =
        alpnServer("127.0.92.2", ProtocolVersion.TLSv1_2, "spdy/3.1,http/1.1")) {
      // When its session is probed
      SessionReport session = session(server);
      // Then both are listed, in the order offered; h2, http/1.0 and h3 were refused
      assertThat(session.alpn()).as("%s", session).containsExactly("http/1.1", "spdy/3.1");
    }
  }

  @Test
  void tls13OnlyServerIsAskedInFullHandshakes() {
    // Given a TLS 1.3-only server that speaks http/1.1 and spdy/3.1, whose selection is encrypted
    try (OpenSslServer server =
        alpnServer("127.0.92.5", ProtocolVersion.TLSv1_3, "http/1.1,spdy/3.1")) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the full handshakes read both
      assertThat(session.alpn()).as("%s", session).containsExactly("http/1.1", "spdy/3.1");
      assertThat(session.alpnError()).isNull();
    }
  }

  @Test
  void goListsH2AndHttp11AndRefusesTheRestByAlert() {
    assumeTrue(InteropStack.CADDY.missing().isEmpty(), "caddy installed");
    // Given caddy (Go's TLS, TLS 1.2 and 1.3), which selects h2 or http/1.1 and answers an offer
    // of neither with alert no_application_protocol
    try (InteropServer server = chain.interopServer(InteropStack.CADDY, "127.0.92.6", "")) {
      // When its session is probed
      SessionReport session = scans.session(server.address());
      // Then exactly those two are listed, and the alert decided the rest
      assertThat(session.alpn()).as("%s", session).containsExactly("h2", "http/1.1");
      assertThat(session.alpnError()).isNull();
    }
  }

  @Test
  void anOfferEndedByAnotherAlertLeavesTheListUnknown() {
    // Given an h2 server behind a relay that refuses a TLS 1.2 hello offering protocols but not h2
    // with alert handshake_failure, as a server that cannot parse the offer might
    HelloGate refusing =
        HelloGate.refusing(
            extensions -> {
              List<String> offered = HelloGate.applicationProtocols(extensions);
              return !offered.isEmpty() && !offered.contains("h2");
            });
    try (OpenSslServer server =
            chain.openSslServer().host("127.0.92.7").arguments("-alpn", "h2").start();
        FirstBytesRelay relay = FirstBytesRelay.start("127.0.92.8", server.address(), refusing)) {
      // When its session is probed
      SessionReport session = scans.session(relay.address());
      // Then the list is unknown, not "h2 only", and the error names the offer and the alert
      assertThat(refusing.matched()).isEqualTo(1);
      assertThat(session.alpn()).as("%s", session).isNull();
      assertThat(session.alpnError())
          .isEqualTo(
              "offering http/1.1, http/1.0, spdy/3.1, h3: TLS 1.2 hello answered with alert"
                  + " handshake_failure");
    }
  }

  @Test
  void serverWithoutAlpnAcceptsNone() {
    // Given a server without ALPN
    try (OpenSslServer server = chain.openSslServer().host("127.0.92.3").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the list is empty (not null: every offer was answered)
      assertThat(session.alpn()).as("%s", session).isEmpty();
      assertThat(session.alpnError()).isNull();
    }
  }

  @Test
  void everyConnectionOfTheProbeIsCounted() {
    // Given a server
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.92.4").arguments("-alpn", "h2").start()) {
      // When its session is probed
      HostReport report = scans.scan(server.address());
      // Then the record counts the full handshake (which selected h2), the protocols probe's six
      // hellos (one a version), one ALPN offer (none of the rest selected), the TLS 1.2 handshake
      // and the raw hello of the resumption check, and (as OpenSSL promises tickets) the handshake
      // that takes a ticket and the hello that offers it, the same two for TLS 1.3, and one hello
      // per signature algorithm its RSA key signs with (7 by default in OpenSSL 3.0) plus the one
      // refused: the protocols probe's TLS 1.2 hello got a static RSA suite, which signs nothing
      assertThat(report.connections()).isEqualTo(1 + 6 + 1 + 2 + 2 + 2 + 7 + 1);
    }
  }
}
