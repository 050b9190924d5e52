package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Tls12Resumption;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code session} section's TLS 1.2 facts against {@code openssl s_server}: session-id
 * resumption (its cache on, or off with {@code -no_cache}), session tickets ({@code -no_ticket})
 * and resumption from them (a Netty server that changes its ticket keys for every connection does
 * not resume), and the extended master secret (always on in OpenSSL 3.0; off in {@code gnutls-serv}
 * with the priority {@code %NO_SESSION_HASH}).
 */
class SessionResumptionTest {
  private static final String HOST = "resume.test";

  private static TestChain chain;
  @AutoClose private static SessionScans scans;

  @BeforeAll
  static void setUp() {
    scans = new SessionScans("Resume Test", HOST, Duration.ofSeconds(15));
    chain = scans.chain();
  }

  private static SessionReport session(OpenSslServer server) {
    return scans.session(server.address());
  }

  @Test
  void serverWithCacheAndTicketsResumesByIdPromisesTicketsAndAgreesToEms() {
    // Given an OpenSSL server with its defaults: session cache, tickets, extended master secret
    try (OpenSslServer server = chain.openSslServer().host("127.0.94.1").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then it resumes by id and by ticket, with OpenSSL's default ticket lifetime of two hours,
      // and agrees to the extended master secret
      assertThat(session.tls12())
          .as("%s", session)
          .isEqualTo(new Tls12Resumption(true, true, true, true, 7200L, null));
      assertThat(session.tls12Error()).isNull();
    }
  }

  @Test
  void jsseResumesByIdWhenTheHelloOffersNoTicket() {
    // Given JSSE with its defaults, which issues tickets and looks a session id up only when the
    // hello offers no session ticket
    try (InteropServer server = chain.interopServer(InteropStack.JSSE, "127.0.94.9", "")) {
      // When its session is probed
      SessionReport session = scans.session(server.address());
      // Then it resumes by id (the hello that offers the id back offers no ticket) and by
      // ticket, with JSSE's default ticket lifetime of a day
      assertThat(session.tls12())
          .as("%s", session)
          .isEqualTo(new Tls12Resumption(true, true, true, true, 86400L, null));
    }
  }

  @Test
  void serverWithoutTicketsDoesNotPromiseThem() {
    // Given a server started with -no_ticket
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.94.2").arguments("-no_ticket").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then it promises no ticket and resumes by none, and still resumes by id
      assertThat(session.tls12())
          .as("%s", session)
          .isEqualTo(new Tls12Resumption(true, false, true, false, null, null));
    }
  }

  @Test
  void serverWithoutSessionCacheDoesNotResumeById() {
    // Given a server without session cache (-no_cache) and without tickets
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.94.3").arguments("-no_cache", "-no_ticket").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then it does not resume by id
      assertThat(session.tls12()).as("%s", session).isNotNull();
      assertThat(session.tls12().resumesById()).isFalse();
    }
  }

  @Test
  void serverWithTicketsButNoCacheResumesByTicketOnly() {
    // Given a server without session cache (-no_cache) that still issues tickets
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.94.6").arguments("-no_cache").start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then it does not resume by id, but does from its ticket (tickets need no cache)
      assertThat(session.tls12())
          .as("%s", session)
          .isEqualTo(new Tls12Resumption(false, true, true, true, 7200L, null));
    }
  }

  @Test
  void serverThatForgetsItsTicketKeysDoesNotResumeByTicket() throws Exception {
    // Given a server that issues tickets but takes new ticket keys for every connection
    try (ForgetfulTicketServer server = new ForgetfulTicketServer(chain, "127.0.94.7")) {
      // When its session is probed
      HostReport report = scans.scan(server.address());
      // Then it promises and issues tickets but does not resume from them
      Tls12Resumption tls12 = report.session().resultOrNull().tls12();
      assertThat(tls12).as("%s", report.session()).isNotNull();
      assertThat(tls12.promisesTicket()).isTrue();
      assertThat(tls12.ticketLifetimeHint()).as("%s", tls12).isNotNull();
      assertThat(tls12.resumesByTicket()).as("%s", tls12).isFalse();
      assertThat(tls12.resumesById()).isFalse();
    }
  }

  @Test
  void staticRsaWithAesCbcIsHandshakenAndResumedBothWays() {
    // Given a TLS 1.2 server with cache and tickets whose only suite is static RSA with AES-CBC
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.94.8")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("AES128-SHA")
            .start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the full handshakes complete with that suite and both resumptions are seen
      assertThat(session.tls12())
          .as("%s", session)
          .isEqualTo(new Tls12Resumption(true, true, true, true, 7200L, null));
    }
  }

  @Test
  void tls12FactsAreUnknownWhenTheServerHasNoSuiteTheHandshakeSpeaks() {
    // Given a TLS 1.2 server whose only suite has a finite-field DHE key exchange
    try (OpenSslServer server =
        chain
            .openSslServer()
            .host("127.0.94.10")
            .only(ProtocolVersion.TLSv1_2)
            .cipher("DHE-RSA-AES128-GCM-SHA256")
            .start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the TLS 1.2 facts are unknown, and the reason names the refusal
      assertThat(session.tls12()).as("%s", session).isNull();
      assertThat(session.tls12Error())
          .isEqualTo("no TLS 1.2 handshake: alert handshake_failure during the server's flight");
    }
  }

  @Test
  void serverWithoutExtendedMasterSecretIsSeenWithoutIt() {
    // Given a gnutls-serv told not to negotiate the extended master secret
    Assumptions.assumeTrue(InteropStack.GNUTLS_SERV.missing().isEmpty(), "gnutls-serv installed");
    try (InteropServer server =
        chain.interopServer(
            InteropStack.GNUTLS_SERV, "127.0.94.5", "NORMAL:-VERS-TLS1.3:%NO_SESSION_HASH")) {
      // When its session is probed
      HostReport report = scans.scan(server.address());
      // Then it does not agree to the extended master secret
      assertThat(report.session().resultOrNull()).as("%s", report).isNotNull();
      Tls12Resumption tls12 = report.session().resultOrNull().tls12();
      assertThat(tls12).as("%s", report.session()).isNotNull();
      assertThat(tls12.extendedMasterSecret()).isFalse();
      // and a ticket handshake with the plain master secret still gets a ticket it resumes from
      assertThat(tls12.resumesByTicket()).as("%s", tls12).isTrue();
    }
  }

  @Test
  void tls13OnlyServerHasNoTls12Facts() {
    // Given a server that speaks TLS 1.3 only
    try (OpenSslServer server =
        chain.openSslServer().host("127.0.94.4").only(ProtocolVersion.TLSv1_3).start()) {
      // When its session is probed
      SessionReport session = session(server);
      // Then the TLS 1.2 facts are unknown, and say why
      assertThat(session.tls12()).isNull();
      assertThat(session.tls12Error()).isEqualTo("the server does not accept TLS 1.2");
    }
  }
}
