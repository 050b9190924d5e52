package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.PostgresServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real daemons from Debian ({@code samples/starttls/install.sh}) scanned through their STARTTLS
 * protocol and held to what {@code openssl s_client -starttls} sees, version by version and suite
 * by suite.
 */
class RealStarttlsServersTest {
  private static final String HOST = "db.starttls.test";
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
    assumeTrue(PostgresServer.installed(), "PostgreSQL: run samples/starttls/install.sh");
    // Given Debian's PostgreSQL with TLS on, serving the test chain
    try (InteropServer server =
        PostgresServer.start("127.0.83.1", chain.leaf(), chain.intermediate())) {
      // When tlsscan scans it as postgres://, and s_client -starttls postgres tries every suite
      HostReport report =
          StarttlsScanTest.scan(
              scanner,
              "postgres://"
                  + HOST
                  + ":"
                  + server.address().getPort()
                  + " "
                  + server.address().getHostString());
      Map<ProtocolVersion, Map<Integer, Boolean>> reference =
          SClientSuites.find(server.address(), HOST, "postgres");

      // Then the record is ok with the right certificate
      assertThat(report.ok()).as("record %s; server log %s", report, server.log()).isTrue();
      assertThat(report.target().starttls()).isEqualTo("postgres");
      assertThat(report.certificate().resultOrNull().trusted()).isTrue();
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=" + HOST);
      // And versions and suites are those s_client got the server to choose
      for (ProtocolVersion version : COMPARED) {
        Set<Integer> expected = new TreeSet<>();
        reference.get(version).forEach((code, chosen) -> {
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
        assertThat(found).as("%s suites, s_client %s", version, reference).isEqualTo(expected);
        assertThat(report.protocols().resultOrNull().accepted().get(version.reportName()))
            .as("%s accepted", version)
            .isEqualTo(!expected.isEmpty());
      }
    }
  }
}
