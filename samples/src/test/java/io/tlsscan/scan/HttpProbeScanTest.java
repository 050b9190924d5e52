package io.tlsscan.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.pki.TestChain;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http probe against WireMock serving HTTPS on 127.0.62.1 with a chain of the test PKI: what a
 * response head says reaches the record, made safe; a server that breaks HTTP, resets, stalls or
 * sends too much fails only the probe, within the deadline, and the rest of the record stands.
 */
class HttpProbeScanTest {
  private static final String HOST = "http.test";
  private static final String ADDRESS = "127.0.62.1";
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

  @TempDir static Path keys;
  private static TestChain chain;
  private static WireMockServer server;
  private static Scanner scanner;
  private static Scanner hurried;

  @BeforeAll
  static void start() throws Exception {
    chain = TestChain.rsa("Http Test", HOST);
    Path keystore = keystore(chain, keys.resolve("server.p12"));
    server =
        new WireMockServer(
            options()
                .bindAddress(ADDRESS)
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(new String(PASSWORD))
                .keyManagerPassword(new String(PASSWORD))
                .jettyHeaderResponseSize(64 * 1024)
                .jettyStopTimeout(1000L));
    server.start();
    scanner = scannerWith(TIMEOUT);
    hurried = scannerWith(SHORT_TIMEOUT);
  }

  private static Scanner scannerWith(Duration timeout) {
    return TestTargets.scanner(
        ScanOptions.defaults().withProbes(Set.of(ProbeId.CERT, ProbeId.HTTP)).withTimeout(timeout),
        chain.root());
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {scanner, hurried}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void forgetStubs() {
    server.resetAll();
  }

  private static Path keystore(TestChain chain, Path file)
      throws GeneralSecurityException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      chain.keyStore(PASSWORD).store(out, PASSWORD);
    }
    return file;
  }

  private static HostReport scanAnswering(Scanner with, ResponseDefinitionBuilder response) {
    server.stubFor(get(urlEqualTo("/")).willReturn(response));
    return TestTargets.scan(with, HOST, new InetSocketAddress(ADDRESS, server.httpsPort()));
  }

  private static HttpReport http(HostReport report) {
    assertThat(report.ok()).as("status of %s", report.error()).isTrue();
    assertThat(report.http()).as("http outcome").isInstanceOf(ProbeOutcome.Completed.class);
    return report.http().resultOrNull();
  }

  /** The probe failed with {@code kind}, and the certificate of the same record is reported. */
  private static String failedAs(HostReport report, ErrorKind kind) {
    assertThat(report.ok()).as("status of %s", report.error()).isTrue();
    assertThat(report.certificate().resultOrNull()).as("certificate section").isNotNull();
    assertThat(report.certificate().resultOrNull().trusted()).as("trusted").isTrue();
    assertThat(report.http()).as("http outcome").isInstanceOf(ProbeOutcome.Failed.class);
    ProbeOutcome.Failed<HttpReport> failed = (ProbeOutcome.Failed<HttpReport>) report.http();
    assertThat(failed.kind()).as("kind of %s", failed).isEqualTo(kind);
    return failed.message();
  }

  @Test
  void aPlainResponseGivesItsStatusAndServerAndNoHsts() {
    // Given a server answering 200 with a Server header and no HSTS
    HostReport report =
        scanAnswering(
            scanner, aResponse().withStatus(200).withHeader("Server", "Jetty-test").withBody("hi"));
    // Then the record has the status and the server, no redirect and no HSTS
    assertThat(http(report)).isEqualTo(new HttpReport(200, null, "Jetty-test", null, null));
    // And the request named the target as the handshake does, over a connection of its own
    List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo("/")));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getHeader("Host")).isEqualTo(HOST + ":" + server.httpsPort());
    assertThat(requests.get(0).getHeader("Connection")).isEqualToIgnoringCase("close");
    assertThat(report.connections()).as("the handshake's and the request's").isEqualTo(2);
    // And although the server picks h2 when it is offered (as in the handshake), the probe's
    // connection offered only http/1.1, which is why an HTTP/1.1 answer came back
    assertThat(report.handshake().resultOrNull().alpn()).isEqualTo("h2");
    // And the missing HSTS is a finding
    assertThat(findingIds(report)).contains("http.hsts_missing");
  }

  private static List<String> findingIds(HostReport report) {
    return report.findings().stream().map(Finding::id).toList();
  }

  @Test
  void anIpLiteralTargetIsNamedByItsAddress() {
    // Given a target written as the server's IP address, so no SNI is sent
    server.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(204)));
    HostReport report =
        TestTargets.scan(scanner, ADDRESS, new InetSocketAddress(ADDRESS, server.httpsPort()));
    // Then the request still reached it, with the address and port as Host
    assertThat(http(report).status()).isEqualTo(204);
    List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo("/")));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getHeader("Host")).isEqualTo(ADDRESS + ":" + server.httpsPort());
  }

  @Test
  void aRedirectGivesItsTarget() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse().withStatus(301).withHeader("Location", "https://www.http.test/start"));
    assertThat(http(report).status()).isEqualTo(301);
    assertThat(http(report).redirect()).isEqualTo("https://www.http.test/start");
  }

  @Test
  void aLongHstsPolicyWithEveryDirectiveIsReportedWhole() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse()
                .withStatus(200)
                .withHeader(
                    "Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload"));
    assertThat(http(report).hsts()).isEqualTo(new Hsts(63_072_000, true, true));
    assertThat(http(report).hstsError()).isNull();
    assertThat(findingIds(report)).doesNotContain("http.hsts_missing", "http.hsts_short");
  }

  @Test
  void aShortHstsPolicyIsReportedAsSent() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse()
                .withStatus(200)
                .withHeader("Strict-Transport-Security", "MAX-AGE=\"86400\""));
    assertThat(http(report).hsts()).isEqualTo(new Hsts(86_400, false, false));
    assertThat(findingIds(report)).contains("http.hsts_short").doesNotContain("http.hsts_missing");
  }

  @Test
  void onlyTheFirstHstsHeaderCounts() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse()
                .withStatus(200)
                .withHeader("Strict-Transport-Security", "max-age=600", "max-age=31536000"));
    assertThat(http(report).hsts()).isEqualTo(new Hsts(600, false, false));
  }

  @Test
  void aHstsHeaderWithADuplicateDirectiveIsIgnoredWithTheReason() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse()
                .withStatus(200)
                .withHeader("Strict-Transport-Security", "max-age=31536000; Max-Age=31536000"));
    assertThat(http(report).hsts()).isNull();
    assertThat(http(report).hstsError()).isEqualTo("directive \"max-age\" appears more than once");
    assertThat(findingIds(report)).contains("http.hsts_missing");
  }

  @Test
  void aMalformedHstsHeaderIsIgnoredWithTheReason() {
    HostReport report =
        scanAnswering(
            scanner,
            aResponse()
                .withStatus(200)
                .withHeader("Strict-Transport-Security", "includeSubDomains"));
    assertThat(http(report).hsts()).isNull();
    assertThat(http(report).hstsError()).isEqualTo("no max-age directive");
  }

  @Test
  void controlCharactersOfTheServerHeaderAreEscaped() {
    // Given a Server header with an escape sequence, a bell and a C1 control character
    HostReport report =
        scanAnswering(
            scanner,
            aResponse().withStatus(200).withHeader("Server", "evil\u001b[2J\u0007\u0085x"));
    // Then the record shows them escaped, never raw
    assertThat(http(report).server()).isEqualTo("evil\\u001b[2J\\u0007\\u0085x");
  }

  @Test
  void aLongServerHeaderIsCut() {
    HostReport report =
        scanAnswering(scanner, aResponse().withStatus(200).withHeader("Server", "s".repeat(5000)));
    assertThat(http(report).server()).isEqualTo("s".repeat(200) + "...");
  }

  @Test
  void headersOverSixteenKibibytesFailTheProbeAndKeepTheRecord() {
    HostReport report =
        scanAnswering(
            scanner, aResponse().withStatus(200).withHeader("X-Filler", "f".repeat(17 * 1024)));
    assertThat(failedAs(report, ErrorKind.BAD_RESPONSE))
        .isEqualTo("response headers exceed 16384 bytes");
  }

  @Test
  void aResetFailsTheProbeAsReset() {
    HostReport report =
        scanAnswering(scanner, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThat(failedAs(report, ErrorKind.RESET)).isNotBlank();
  }

  @Test
  void randomBytesInsteadOfHttpFailTheProbe() {
    // Given a server that answers with random bytes, then closes
    HostReport report = scanAnswering(scanner, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
    // Then the probe fails (the bytes are not HTTP, or the server closed before a status line)
    ProbeOutcome<HttpReport> outcome = report.http();
    assertThat(outcome).isInstanceOf(ProbeOutcome.Failed.class);
    ErrorKind kind = ((ProbeOutcome.Failed<HttpReport>) outcome).kind();
    assertThat(kind).isIn(ErrorKind.BAD_RESPONSE, ErrorKind.RESET);
    failedAs(report, kind);
  }

  @Test
  void aMalformedBodyDoesNotMatterBecauseOnlyTheHeadIsRead() {
    // Given a server that sends a good head and then a broken chunked body
    HostReport report =
        scanAnswering(scanner, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    // Then the head is reported
    assertThat(http(report).status()).isEqualTo(200);
  }

  @Test
  void aServerSilentAfterTheRequestLetsTheConnectionGoAfterTheAnswerTimeout() {
    // Given a server that answers only after seven seconds, within the ten-second deadline
    long started = System.nanoTime();
    HostReport report = scanAnswering(scanner, aResponse().withStatus(200).withFixedDelay(7000));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    // Then the probe gives up after five seconds of silence and says so
    assertThat(failedAs(report, ErrorKind.TIMEOUT))
        .isEqualTo("server went silent: no answer to the HTTP request within 5000 ms");
    assertThat(elapsedMs).as("ended by the answer timeout").isLessThan(7000);
  }

  @Test
  void aServerSlowerThanTheDeadlineFailsTheProbeWithinIt() {
    // Given a server that answers only after three times the target's deadline
    long started = System.nanoTime();
    HostReport report =
        scanAnswering(
            hurried,
            aResponse().withStatus(200).withFixedDelay((int) SHORT_TIMEOUT.toMillis() * 3));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    // Then the probe is cut at the deadline and says so; the certificate is still reported
    assertThat(failedAs(report, ErrorKind.TIMEOUT)).contains("deadline");
    assertThat(findingIds(report))
        .as("no verdict on HSTS without a response")
        .doesNotContain("http.hsts_missing");
    assertThat(elapsedMs)
        .as("the scan of the target ends at its deadline")
        .isLessThan(SHORT_TIMEOUT.toMillis() + 1500);
  }
}
