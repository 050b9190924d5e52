package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Tls13Resumption;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code session} section's TLS 1.3 facts against {@code openssl s_server}: the session ticket
 * after the handshake ({@code -num_tickets}), its lifetime, max_early_data ({@code -early_data})
 * and resumption from it as a PSK ({@code -no_ticket -no_cache}: tickets nobody can resume from).
 */
class SessionTls13TicketTest {
  private static final String HOST = "tickets13.test";

  private static TestChain chain;
  @AutoClose private static SessionScans scans;

  @BeforeAll
  static void setUp() {
    scans = new SessionScans("Tls13 Ticket Test", HOST, Duration.ofSeconds(20));
    chain = scans.chain();
  }

  private static SessionReport session(OpenSslServer server) {
    return scans.session(server.address());
  }

  @Test
  void defaultServerSendsATicketItResumesFromWithoutEarlyData() {
    // Given an OpenSSL server with its defaults: two tickets after each handshake, no early data
    try (OpenSslServer server = chain.openSslServer().host("127.0.95.1").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the ticket is seen with OpenSSL's default lifetime of two hours, and resumed from
      assertThat(session.tls13Error()).isNull();
      assertThat(session.tls13())
          .as("%s", session)
          .isEqualTo(new Tls13Resumption(true, 7200L, null, true, null));
    }
  }

  @Test
  void p256OnlyServerResumesFromItsTicketWithAP256KeyShare() {
    // Given a server whose only TLS 1.3 group is secp256r1
    try (OpenSslServer server = chain.openSslServer().host("127.0.95.7").groups("P-256").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the ticket is taken and resumed from, both hellos offering a secp256r1 key share
      assertThat(session.tls13())
          .as("%s", session)
          .isEqualTo(new Tls13Resumption(true, 7200L, null, true, null));
    }
  }

  @Test
  void serverWithEarlyDataAnnouncesHowMuch() {
    // Given a server started with -early_data
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.95.2").arguments("-early_data").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then its ticket allows early data, as much as OpenSSL's default max_early_data (16384)
      assertThat(session.tls13()).as("%s", session).isNotNull();
      assertThat(session.tls13().maxEarlyData()).isEqualTo(16384L);
      assertThat(session.tls13().resumesByPsk()).isTrue();
    }
  }

  @Test
  void serverWithoutTicketsIssuesNoneAndResumesNothing() {
    // Given a server that sends no ticket (-num_tickets 0)
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.95.3").arguments("-num_tickets", "0").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then no ticket, no lifetime, no early data, no PSK resumption
      assertThat(session.tls13())
          .as("%s", session)
          .isEqualTo(new Tls13Resumption(false, null, null, false, null));
    }
  }

  @Test
  void serverWithStatefulTicketsAndNoCacheDoesNotResumeByPsk() {
    // Given a server whose TLS 1.3 tickets are session ids (-no_ticket) with no cache to find
    // them in (-no_cache): it sends tickets, and openssl s_client does not resume from them either
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.95.5").arguments("-no_ticket", "-no_cache").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then it sends a ticket but does not resume from it
      assertThat(session.tls13())
          .as("%s", session)
          .isEqualTo(new Tls13Resumption(true, 7200L, null, false, null));
    }
  }

  @Test
  void tls12OnlyServerHasNoTls13Facts() {
    // Given a server that speaks TLS 1.2 only
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.95.4").only(ProtocolVersion.TLSv1_2).start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the TLS 1.3 facts are unknown, and say why, without a connection spent on them
      assertThat(session.tls13()).isNull();
      assertThat(session.tls13Error())
          .as("%s", session)
          .isEqualTo("the full handshake settled on TLSv1.2");
    }
  }

  @Test
  void chaCha20OnlyServerSendsATicketItResumesFrom() {
    // Given a TLS 1.3 server whose only suite is ChaCha20-Poly1305
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.95.6")
            .only(ProtocolVersion.TLSv1_3)
            .arguments("-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256")
            .start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the handshake under ChaCha20-Poly1305 gets the ticket, which the server resumes from
      assertThat(session.tls13Error()).as("%s", session).isNull();
      assertThat(session.tls13().issuesTicket()).isTrue();
      assertThat(session.tls13().resumesByPsk()).as("%s", session.tls13()).isTrue();
    }
  }
}
