package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.interop.InteropServer;
import io.tlsscan.samples.interop.InteropStack;
import io.tlsscan.samples.interop.ServerCredentials;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interoperability matrix: servers of other TLS stacks (lighttpd with each of its TLS modules,
 * {@code gnutls-serv}, caddy, JSSE) with their defaults and ECDSA or RSA certificates, some with
 * settings of their own (TLS 1.0 and 1.1 on, a short suite list, no TLS 1.3). For each, the
 * versions and suites tlsscan reports must equal what {@code openssl s_client} negotiates one suite
 * at a time (see {@link SClientSuites}), in each of {@value #RUNS} scans, and the full handshake
 * must reach the newest version found.
 *
 * <p>Suites {@code openssl} does not know (RC4, DES, 3DES on OpenSSL 3) cannot be compared; the
 * record may list them, and the version they alone make accepted. A row whose stack is not
 * installed is skipped, saying what is missing ({@code samples/interop/install.sh} installs them).
 */
class InteropMatrixTest {
  private static final String HOST = "interop.test";
  private static final int RUNS = 3;
  private static final List<ProtocolVersion> COMPARED =
      List.of(
          ProtocolVersion.TLSv1_0,
          ProtocolVersion.TLSv1_1,
          ProtocolVersion.TLSv1_2,
          ProtocolVersion.TLSv1_3);

  private static TestPki.Issued root;
  private static TestPki.Issued ecLeaf;
  private static TestPki.Issued rsaLeaf;
  @AutoClose private static Scanner scanner;

  /**
   * One server of the matrix.
   *
   * @param name how the row is shown
   * @param address the loopback address it listens on
   * @param rsa an RSA certificate instead of ECDSA P-256
   * @param settings stack-specific settings ({@link InteropStack#start})
   */
  record Row(String name, InteropStack stack, String address, boolean rsa, String settings) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    String oldVersions = "ssl.openssl.ssl-conf-cmd = (\"MinProtocol\" => \"TLSv1.0\")";
    return Stream.of(
        new Row("lighttpd-openssl", InteropStack.LIGHTTPD_OPENSSL, "127.0.93.1", false, ""),
        new Row(
            "lighttpd-openssl rsa, TLS 1.0+, ALL",
            InteropStack.LIGHTTPD_OPENSSL,
            "127.0.93.2",
            true,
            "ssl.openssl.ssl-conf-cmd = (\"MinProtocol\" => \"TLSv1\","
                + " \"CipherString\" => \"ALL:@SECLEVEL=0\")"),
        new Row("lighttpd-gnutls", InteropStack.LIGHTTPD_GNUTLS, "127.0.93.3", false, ""),
        new Row(
            "lighttpd-gnutls rsa, TLS 1.0+",
            InteropStack.LIGHTTPD_GNUTLS,
            "127.0.93.4",
            true,
            oldVersions),
        new Row("lighttpd-mbedtls", InteropStack.LIGHTTPD_MBEDTLS, "127.0.93.5", false, ""),
        new Row("lighttpd-mbedtls rsa", InteropStack.LIGHTTPD_MBEDTLS, "127.0.93.6", true, ""),
        new Row("lighttpd-nss", InteropStack.LIGHTTPD_NSS, "127.0.93.7", false, ""),
        new Row("lighttpd-nss rsa", InteropStack.LIGHTTPD_NSS, "127.0.93.8", true, ""),
        new Row("lighttpd-wolfssl", InteropStack.LIGHTTPD_WOLFSSL, "127.0.93.9", false, ""),
        new Row(
            "lighttpd-wolfssl rsa, three suites",
            InteropStack.LIGHTTPD_WOLFSSL,
            "127.0.93.10",
            true,
            "ssl.openssl.ssl-conf-cmd = (\"CipherString\" =>"
                + " \"ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:DHE-RSA-AES256-GCM-SHA384\")"),
        new Row("gnutls-serv", InteropStack.GNUTLS_SERV, "127.0.93.11", false, ""),
        new Row(
            "gnutls-serv rsa, no TLS 1.3",
            InteropStack.GNUTLS_SERV,
            "127.0.93.12",
            true,
            "NORMAL:-VERS-TLS1.3"),
        new Row("caddy", InteropStack.CADDY, "127.0.93.13", false, ""),
        new Row(
            "caddy rsa, TLS 1.2 only",
            InteropStack.CADDY,
            "127.0.93.14",
            true,
            "    protocols tls1.2 tls1.2"),
        new Row("jsse", InteropStack.JSSE, "127.0.93.15", false, ""),
        new Row("jsse rsa, TLS 1.2 only", InteropStack.JSSE, "127.0.93.16", true, "TLSv1.2"));
  }

  @BeforeAll
  static void setUp() {
    root = TestPki.certificate("CN=Interop Root").ca().selfSigned();
    ecLeaf =
        TestPki.certificate("CN=" + HOST).key(TestPki.KeyType.EC_P256).dns(HOST).issuedBy(root);
    rsaLeaf =
        TestPki.certificate("CN=" + HOST).key(TestPki.KeyType.RSA_2048).dns(HOST).issuedBy(root);
    scanner =
        TestTargets.probing(
            EnumSet.of(ProbeId.CERT, ProbeId.PROTOCOLS, ProbeId.CIPHERS),
            Duration.ofSeconds(20),
            root);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void versionsAndSuitesEqualWhatSClientNegotiates(Row row) {
    Optional<String> missing = row.stack().missing();
    assumeTrue(
        missing.isEmpty(),
        () ->
            row.stack()
                + " is not installed ("
                + missing.orElse("")
                + " is missing; samples/interop/install.sh installs it)");
    // Given a server of the row's stack and openssl s_client's findings, one suite at a time
    TestPki.Issued leaf = row.rsa() ? rsaLeaf : ecLeaf;
    try (InteropServer server =
        row.stack()
            .start(
                row.address(),
                directory -> ServerCredentials.write(directory, leaf, root),
                row.settings())) {
      Map<ProtocolVersion, Map<Integer, Boolean>> reference =
          SClientSuites.find(server.address(), HOST);

      // When tlsscan scans it several times
      List<Outcome> outcomes = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        outcomes.add(Outcome.of(TestTargets.scan(scanner, HOST, server.address())));
      }

      // Then every run reports the same, and that equals s_client's findings
      assertThat(outcomes).as("%d scans of %s", RUNS, row).allMatch(outcomes.get(0)::equals);
      Outcome outcome = outcomes.get(0);
      String context = row + ": tlsscan " + outcome + ", s_client " + reference;
      ProtocolVersion newest = null;
      for (ProtocolVersion version : COMPARED) {
        Map<Integer, Boolean> tried = reference.get(version);
        Set<Integer> expected = new TreeSet<>();
        tried.forEach(
            (code, negotiated) -> {
              if (negotiated) {
                expected.add(code);
              }
            });
        Set<Integer> listed = outcome.suites(version);
        Set<Integer> comparable = new TreeSet<>(listed);
        comparable.retainAll(tried.keySet());
        Set<Integer> beyondOpenSsl = new TreeSet<>(listed);
        beyondOpenSsl.removeAll(tried.keySet());
        assertThat(names(comparable))
            .as("%s suites of %s", version, context)
            .isEqualTo(names(expected));
        assertThat(beyondOpenSsl)
            .as("%s suites that need a shared secret, %s", version, context)
            .noneMatch(
                code -> CipherSuite.byCode(code).orElseThrow().keyExchange().needsSharedSecret());
        boolean accepted = !expected.isEmpty() || !beyondOpenSsl.isEmpty();
        assertThat(outcome.accepts(version)).as("%s of %s", version, context).isEqualTo(accepted);
        if (accepted) {
          newest = version;
        }
      }
      assertThat(outcome.handshake())
          .as("handshake of %s (server log: %s)", context, server.log())
          .isEqualTo(newest.reportName());
      assertThat(outcome.findings())
          .as("findings of %s", context)
          .doesNotContain("handshake.version_fallback");
    }
  }

  private static List<String> names(Set<Integer> codes) {
    return codes.stream()
        .map(code -> CipherSuite.byCode(code).map(CipherSuite::ianaName).orElse("0x" + code))
        .toList();
  }

  /** What one scan reported about versions, suites and the handshake. */
  private record Outcome(
      Map<String, Boolean> protocols,
      Map<String, List<String>> ciphers,
      String handshake,
      List<String> findings) {

    static Outcome of(HostReport report) {
      assertThat(report.ok()).as("%s", report).isTrue();
      assertThat(report.protocols().resultOrNull()).as("protocols of %s", report).isNotNull();
      assertThat(report.ciphers().resultOrNull()).as("ciphers of %s", report).isNotNull();
      Map<String, List<String>> ciphers = new TreeMap<>();
      report
          .ciphers()
          .resultOrNull()
          .byVersion()
          .forEach(
              (version, suites) ->
                  ciphers.put(version, suites.stream().map(CipherInfo::name).toList()));
      return new Outcome(
          report.protocols().resultOrNull().accepted(),
          ciphers,
          report.handshake().resultOrNull().protocol(),
          report.findings().stream().map(Finding::id).toList());
    }

    boolean accepts(ProtocolVersion version) {
      return Boolean.TRUE.equals(protocols.get(version.reportName()));
    }

    Set<Integer> suites(ProtocolVersion version) {
      Set<Integer> codes = new TreeSet<>();
      for (String name : ciphers.getOrDefault(version.reportName(), List.of())) {
        codes.add(CipherSuite.byName(name).orElseThrow().code());
      }
      return codes;
    }
  }
}
