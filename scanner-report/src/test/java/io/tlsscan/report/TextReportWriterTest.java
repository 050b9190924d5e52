package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.ProbeOutcome;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

  @Test
  void completedScanShowsTheFactsAPersonChecksFirst() throws IOException {
    // When the contract's expired target is shown as text
    String text = write(false, SampleReports.expired());
    // Then the block has the verdict, address, negotiated suite, leaf, trust and findings
    assertThat(text.lines().findFirst()).hasValue("FAIL expired.example:443 (10.0.0.5)");
    assertThat(text)
        .contains("TLSv1.3 TLS_AES_128_GCM_SHA256")
        .contains("subject   CN=expired.example")
        .contains("issuer    CN=Test Intermediate")
        .contains("expires   2026-11-23T10:00:00.000Z (expired 3 days ago)")
        .contains("trust     untrusted: expired")
        .contains("hostname  match")
        .contains("protocols TLSv1.2 TLSv1.3\n")
        .contains("ciphers   TLSv1.2 1, TLSv1.3 1; server order\n")
        .contains("groups    x25519 secp256r1\n")
        .contains("finding   critical cert.expired: certificate expired 3 days ago");
  }

  @Test
  void legacyServerShowsDeprecatedProtocolsAndNamesItsInsecureSuites() throws IOException {
    // When a server accepting only SSLv3 and TLS 1.0, mostly with broken suites, is shown
    String text = write(false, SampleReports.legacy());
    // Then the handshake says it was not a full one, deprecated versions stand apart, the
    // unknown version is not passed off as refused, and the first insecure suites are named
    // (with OpenSSL's name where it has one: its 3.0 has none for RC4)
    assertThat(text)
        .contains("protocol  TLSv1.0 TLS_RSA_WITH_RC4_128_SHA (raw hello, no full handshake)\n")
        .contains("protocols deprecated SSLv3 TLSv1.0; unknown TLSv1.1\n")
        .contains(
            "ciphers   SSLv3 2, TLSv1.0 9; 1 weak; 7 insecure: TLS_RSA_WITH_RC4_128_SHA"
                + " TLS_RSA_WITH_NULL_SHA (NULL-SHA) TLS_RSA_WITH_RC4_128_MD5 and 4 more;"
                + " client order\n")
        .contains("groups    secp256r1\n")
        .contains(
            "vulns     ccs_injection robot no fallback_scsv no secure_renegotiation compression"
                + " poodle_ssl3 sweet32 freak logjam rc4 beast lucky13\n");
  }

  @Test
  void anUndecidedVulnerabilityCheckSaysItCouldNotTell() throws IOException {
    String text = write(false, SampleReports.vulnerabilityUndecided());
    assertThat(text)
        .contains("vulns     none found\n")
        .contains("probe     vulnerabilities.fallback_scsv could not tell: reset:")
        .contains(
            "probe     vulnerabilities.lucky13 could not tell: inconclusive:"
                + " the suites of TLSv1.2 are not known");
  }

  @Test
  void failedCipherProbeIsNamedAndNoSummaryIsGuessed() throws IOException {
    String text = write(false, SampleReports.cipherProbeFailed());
    assertThat(text)
        .startsWith("WARN ")
        .contains("protocols TLSv1.2 TLSv1.3; unknown TLSv1.0 TLSv1.1\n")
        .doesNotContain("ciphers  ")
        .contains("groups    none accepted\n")
        .contains("probe     ciphers failed: timeout: deadline reached after 31 of 120 suites");
  }

  @Test
  void probeLinesAreLeftOutWhenTheirProbesDidNotRun() throws IOException {
    assertThat(write(false, SampleReports.certificateNotRun()))
        .contains("protocol  TLSv1.3 TLS_AES_128_GCM_SHA256\n")
        .doesNotContain("protocols")
        .doesNotContain("ciphers")
        .doesNotContain("groups");
  }

  @Test
  void httpLineGivesStatusRedirectServerAndHsts() throws IOException {
    assertThat(write(false, SampleReports.withHttp()))
        .contains(
            "http      301 to https://www.expired.example/; server nginx\\u001b[31m;"
                + " HSTS max-age 31536000 includeSubDomains preload\n");
    HostReport ignored =
        SampleReports.withSection(
            SampleReports.trusted(),
            HostReport.HTTP,
            ProbeOutcome.completed(new HttpReport(200, null, null, null, "no max-age directive")));
    assertThat(write(false, ignored))
        .contains("http      200; HSTS ignored: no max-age directive\n");
    HostReport none =
        SampleReports.withSection(
            SampleReports.trusted(),
            HostReport.HTTP,
            ProbeOutcome.completed(new HttpReport(404, null, "x", null, null)));
    assertThat(write(false, none)).contains("http      404; server x; no HSTS\n");
  }

  @Test
  void trustedTargetIsOkWithDaysLeft() throws IOException {
    String text = write(false, SampleReports.trusted());
    assertThat(text)
        .startsWith("OK   good.example:443 (10.0.0.7)\n")
        .contains("(40 days left)")
        .contains("trust     trusted")
        .doesNotContain("finding");
  }

  @Test
  void unscannedTargetShowsItsError() throws IOException {
    String text = write(false, SampleReports.failed(ErrorKind.REFUSED));
    assertThat(text)
        .startsWith("FAIL down.example:8443 (10.0.0.6)\n")
        .contains("error     refused during connect: refused while connecting to 10.0.0.6:8443")
        .doesNotContain("subject");
  }

  @Test
  void invalidTargetShowsTheInputLine() throws IOException {
    assertThat(write(false, SampleReports.invalidTarget()))
        .startsWith("FAIL bad host:99999 (line 7)\n")
        .contains("invalid_target during parse: port out of range: 99999");
  }

  @Test
  void failedProbeIsAWarningNamingTheProbe() throws IOException {
    assertThat(write(false, SampleReports.certificateProbeFailed()))
        .startsWith("WARN ")
        .contains(
            "probe     certificate failed: timeout: deadline reached while reading the chain");
  }

  @Test
  void ipv6HostIsBracketed() throws IOException {
    assertThat(write(false, SampleReports.hostile("CN=x"))).startsWith("FAIL [::1]:4433 (::1)\n");
  }

  @Test
  void blocksAreSeparatedByABlankLine() throws IOException {
    String text = write(false, SampleReports.trusted(), SampleReports.failed(ErrorKind.DNS));
    assertThat(text).contains("groups    x25519 secp256r1\n\nFAIL down.example:8443");
  }

  @Test
  void serverTextCannotReachTheTerminalAsEscapes() throws IOException {
    // Given a subject that tries to clear the screen and reverse the text that follows
    String text = write(false, SampleReports.hostile("CN=\u001b[2J\u202Eevil\nfake line\uD800"));
    // Then no control character is written, only its visible escape
    assertThat(text).contains("subject   CN=\\u001B[2J\\u202Eevil\\u000Afake line\uFFFD");
    assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    assertThat(text).doesNotContain("\u202E");
  }

  @Test
  void coloursOnlyWhenAskedFor() throws IOException {
    List<HostReport> reports =
        List.of(
            SampleReports.trusted(),
            SampleReports.certificateProbeFailed(),
            SampleReports.expired());
    assertThat(write(false, reports.toArray(HostReport[]::new))).doesNotContain("\u001b");
    String coloured = write(true, reports.toArray(HostReport[]::new));
    assertThat(coloured)
        .contains("\u001b[32mOK  \u001b[0m good.example")
        .contains("\u001b[33mWARN\u001b[0m expired.example")
        .contains("\u001b[31mFAIL\u001b[0m expired.example");
  }

  private static String write(boolean colours, HostReport... reports) throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    try (ReportWriter writer = new TextReportWriter(out, colours)) {
      for (HostReport report : reports) {
        writer.write(report);
      }
    }
    assertThat(out.closed).isFalse();
    return out.text();
  }
}
