package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.interop.DovecotServer;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.MariadbServer;
import io.tlsscan.samples.interop.PostfixServer;
import io.tlsscan.samples.interop.PostgresServer;
import io.tlsscan.samples.interop.ProsodyServer;
import io.tlsscan.samples.interop.SlapdServer;
import io.tlsscan.samples.interop.VsftpdServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real daemons from Debian ({@code samples/starttls/install.sh}) scanned through their STARTTLS
 * protocol and held to what {@code openssl s_client -starttls} sees, version by version and suite
 * by suite. Each daemon starts once, on a loopback address of its own.
 */
class RealStarttlsServersTest {
  private static final String HOST = "daemons.starttls.test";
  private static final String INSTALL = ": run samples/starttls/install.sh";
  private static final List<ProtocolVersion> COMPARED =
      List.of(
          ProtocolVersion.TLSv1_0,
          ProtocolVersion.TLSv1_1,
          ProtocolVersion.TLSv1_2,
          ProtocolVersion.TLSv1_3);

  private static TestChain chain;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() {
    chain = TestChain.rsa("Real Starttls", HOST);
    scanner = TestTargets.deepScanner(Duration.ofSeconds(60), chain.root());
  }

  @Test
  void postgresqlThroughItsSslRequestMatchesSClient() {
    assumeTrue(PostgresServer.installed(), "PostgreSQL" + INSTALL);
    try (InteropServer server =
        PostgresServer.start("127.0.83.1", chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("postgres", server.address(), server::log);
    }
  }

  @Test
  void postfixSmtpMatchesSClient() {
    assumeTrue(PostfixServer.installed(), "Postfix" + INSTALL);
    try (InteropServer server =
        PostfixServer.start("127.0.83.2", HOST, chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("smtp", server.address(), server::log);
    }
  }

  @Test
  void dovecotImapAndPop3MatchSClient() {
    assumeTrue(DovecotServer.installed(), "Dovecot" + INSTALL);
    try (DovecotServer dovecot =
        DovecotServer.start("127.0.83.3", "127.0.83.4", chain.leaf(), chain.intermediate())) {
      InteropServer server = dovecot.server();
      assertScanMatchesSClient("imap", server.address(), server::log);
      assertScanMatchesSClient("pop3", dovecot.pop3(), server::log);
    }
  }

  /**
   * Dovecot without DH parameters ends the handshake with no alert when it picks a DHE suite, which
   * it does for a hello that offers DHE before ECDHE: the DHE suites are not accepted, but TLS 1.2
   * and its ECDHE suites are.
   */
  @Test
  void dovecotWithoutDhParametersMatchesSClient() {
    assumeTrue(DovecotServer.installed(), "Dovecot" + INSTALL);
    try (DovecotServer dovecot =
        DovecotServer.startWithoutDhParameters(
            "127.0.83.9", "127.0.83.10", chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("imap", dovecot.server().address(), dovecot.server()::log);
    }
  }

  @Test
  void slapdStartTlsMatchesSClient() {
    assumeTrue(SlapdServer.installed(), "slapd" + INSTALL);
    try (InteropServer server =
        SlapdServer.start("127.0.83.5", chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("ldap", server.address(), server::log);
    }
  }

  @Test
  void mariadbThroughItsSslRequestMatchesSClient() {
    assumeTrue(MariadbServer.installed(), "MariaDB" + INSTALL);
    try (InteropServer server =
        MariadbServer.start("127.0.83.6", chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("mysql", server.address(), server::log);
    }
  }

  @Test
  void vsftpdAuthTlsMatchesSClient() {
    assumeTrue(VsftpdServer.installed(), "vsftpd" + INSTALL);
    try (InteropServer server =
        VsftpdServer.start("127.0.83.7", chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("ftp", server.address(), server::log);
    }
  }

  @Test
  void prosodyClientStreamMatchesSClient() {
    assumeTrue(ProsodyServer.installed(), "Prosody" + INSTALL);
    try (InteropServer server =
        ProsodyServer.start("127.0.83.8", HOST, chain.leaf(), chain.intermediate())) {
      assertScanMatchesSClient("xmpp", server.address(), server::log);
    }
  }

  /**
   * Scans {@code address} as {@code scheme://HOST:port} and checks the record against {@code
   * s_client -starttls scheme} (s_client's protocol names are tlsscan's schemes): ok, the STARTTLS
   * protocol named, the test certificate trusted, and per version the suites s_client got the
   * server to choose.
   */
  private static void assertScanMatchesSClient(
      String scheme, InetSocketAddress address, Supplier<String> log) {
    // When tlsscan scans the daemon through its protocol, and s_client tries every suite
    HostReport report =
        StarttlsScanTest.scan(
            scanner,
            scheme + "://" + HOST + ":" + address.getPort() + " " + address.getHostString());
    Map<ProtocolVersion, Map<Integer, Boolean>> reference =
        SClientSuites.find(address, HOST, scheme);

    // Then the record is ok with the right certificate
    assertThat(report.ok()).as("%s record %s; server log %s", scheme, report, log.get()).isTrue();
    assertThat(report.target().starttls()).isEqualTo(scheme);
    assertThat(report.certificate().resultOrNull().trusted()).isTrue();
    assertThat(report.certificate().resultOrNull().chain().get(0).subject())
        .isEqualTo("CN=" + HOST);
    // And versions and suites are those s_client got the server to choose
    for (ProtocolVersion version : COMPARED) {
      Set<Integer> expected = new TreeSet<>();
      reference
          .get(version)
          .forEach(
              (code, chosen) -> {
                if (chosen) {
                  expected.add(code);
                }
              });
      Set<Integer> found = new TreeSet<>();
      report
          .ciphers()
          .resultOrNull()
          .byVersion()
          .getOrDefault(version.reportName(), List.of())
          .stream()
          .map(CipherInfo::name)
          .forEach(name -> found.add(CipherSuite.byName(name).orElseThrow().code()));
      found.retainAll(reference.get(version).keySet());
      assertThat(found)
          .as(
              "%s %s suites; tlsscan %s; s_client %s; server log %s",
              scheme, version, report.ciphers(), reference, log.get())
          .isEqualTo(expected);
      assertThat(report.protocols().resultOrNull().accepted().get(version.reportName()))
          .as("%s %s accepted", scheme, version)
          .isEqualTo(!expected.isEmpty());
    }
  }
}
