package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReportWriterTest {
  /** The columns documented before protocols, ciphers and groups were probed, unmoved. */
  private static final String FIRST_COLUMNS =
      "host,port,ip,sni,status,error_kind,protocol,cipher,subject,issuer,not_after,days_left,"
          + "trusted,trust_errors,hostname_match,key,signature_algorithm,findings";

  private static final String HEADER =
      FIRST_COLUMNS + ",protocols,weakest_cipher_strength,input,line";

  @Test
  void noTargetsStillGiveTheHeader() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    new CsvReportWriter(out).close();
    assertThat(out.text()).isEqualTo(HEADER + "\n");
    assertThat(out.closed).isFalse();
  }

  @Test
  void completedScanFillsEveryColumnFromTheLeaf() throws IOException {
    // Given the contract's expired target, with a second finding
    HostReport report =
        SampleReports.expired()
            .withFindings(
                List.of(
                    new Finding("cert.expired", Severity.CRITICAL, "expired", "p"),
                    new Finding("tls.no_tls12", Severity.LOW, "x", "p")));
    // When it is written as CSV
    List<Map<String, String>> rows = rows(write(report));
    // Then the row has the leaf's facts, lists joined with ';'
    assertThat(rows).hasSize(1);
    Map<String, String> row = rows.get(0);
    assertThat(row)
        .containsEntry("host", "expired.example")
        .containsEntry("port", "443")
        .containsEntry("ip", "10.0.0.5")
        .containsEntry("sni", "expired.example")
        .containsEntry("status", "ok")
        .containsEntry("error_kind", "")
        .containsEntry("protocol", "TLSv1.3")
        .containsEntry("cipher", "TLS_AES_128_GCM_SHA256")
        .containsEntry("subject", "CN=expired.example")
        .containsEntry("issuer", "CN=Test Intermediate")
        .containsEntry("not_after", "2026-11-23T10:00:00.000Z")
        .containsEntry("days_left", "-3")
        .containsEntry("trusted", "false")
        .containsEntry("trust_errors", "expired")
        .containsEntry("hostname_match", "true")
        .containsEntry("key", "EC 256 secp256r1")
        .containsEntry("signature_algorithm", "SHA256withECDSA")
        .containsEntry("findings", "cert.expired;tls.no_tls12")
        .containsEntry("protocols", "TLSv1.2;TLSv1.3")
        .containsEntry("weakest_cipher_strength", "strong")
        .containsEntry("input", "expired.example:443 10.0.0.5")
        .containsEntry("line", "12");
  }

  @Test
  void newColumnsComeAfterTheDocumentedOnes() throws IOException {
    // Given a spreadsheet that reads the first eighteen columns by position
    String header = write().lines().findFirst().orElseThrow();
    // Then they are where they always were, and the new ones follow
    assertThat(header).startsWith(FIRST_COLUMNS + ",");
    assertThat(header.split(",")).hasSize(22);
  }

  @Test
  void legacyServerShowsItsOldProtocolsAndItsWorstSuite() throws IOException {
    // Given a server accepting SSLv3 and TLS 1.0 with RC4, where TLS 1.1 could not be told
    Map<String, String> row = rows(write(SampleReports.legacy())).get(0);
    // Then only the versions known to be accepted are listed, and the worst strength is named
    assertThat(row)
        .containsEntry("protocol", "TLSv1.0")
        .containsEntry("protocols", "SSLv3;TLSv1.0")
        .containsEntry("weakest_cipher_strength", "insecure");
  }

  @Test
  void weakestStrengthIsEmptyWhenTheCipherProbeFailedOrFoundNothing() throws IOException {
    Map<String, String> failed = rows(write(SampleReports.cipherProbeFailed())).get(0);
    assertThat(failed)
        .containsEntry("weakest_cipher_strength", "")
        .containsEntry("protocols", "TLSv1.2;TLSv1.3");
    HostReport none =
        SampleReports.withCiphers(SampleReports.trusted(), new CipherSupport(Map.of(), null));
    assertThat(rows(write(none)).get(0)).containsEntry("weakest_cipher_strength", "");
  }

  @Test
  void invalidTargetRowSaysWhichLineWasBad() throws IOException {
    Map<String, String> row = rows(write(SampleReports.invalidTarget())).get(0);
    assertThat(row)
        .containsEntry("status", "error")
        .containsEntry("error_kind", "invalid_target")
        .containsEntry("host", "")
        .containsEntry("protocols", "")
        .containsEntry("input", "bad host:99999")
        .containsEntry("line", "7");
  }

  @Test
  void hostListInputThatLooksLikeAFormulaStaysText() throws IOException {
    // Given a host-list line crafted to run as a formula when the CSV is opened
    String csv = write(SampleReports.invalidTarget("=cmd|' /C calc'!A0", 9));
    // Then it reads back behind a quote, while the line number stays a plain number
    Map<String, String> row = rows(csv).get(0);
    assertThat(row).containsEntry("input", "'=cmd|' /C calc'!A0").containsEntry("line", "9");
    assertThat(csv).endsWith(",9\n");
  }

  @Test
  void unscannedTargetHasItsErrorKindAndEmptyCertificateColumns() throws IOException {
    Map<String, String> row = rows(write(SampleReports.failed(ErrorKind.REFUSED))).get(0);
    assertThat(row)
        .containsEntry("status", "error")
        .containsEntry("error_kind", "refused")
        .containsEntry("protocol", "")
        .containsEntry("subject", "")
        .containsEntry("days_left", "")
        .containsEntry("trusted", "")
        .containsEntry("protocols", "")
        .containsEntry("weakest_cipher_strength", "")
        .containsEntry("input", "down.example:8443")
        .containsEntry("line", "3");
  }

  @Test
  void rsaKeyHasNoCurveAndUnknownHostnameMatchIsEmpty() throws IOException {
    Map<String, String> row = rows(write(SampleReports.hostile("CN=x"))).get(0);
    assertThat(row)
        .containsEntry("key", "RSA 1024")
        .containsEntry("hostname_match", "")
        .containsEntry("trust_errors", "self_signed;weak_key;weak_signature");
  }

  @ParameterizedTest(name = "starts with {0}")
  @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
  void textThatLooksLikeAFormulaIsPrefixedWithAQuote(String start) throws IOException {
    // Given a certificate whose subject starts like a spreadsheet formula
    String subject = start + "HYPERLINK(\"http://evil.example\",\"x\")";
    // When it is written as CSV
    String csv = write(SampleReports.hostile(subject));
    // Then the cell reads back as the same text behind a single quote, so it stays text
    Map<String, String> row = rows(csv).get(0);
    assertThat(row.get("subject")).isEqualTo("'" + subject);
    assertThat(row.get("issuer")).isEqualTo("'" + subject);
    // And numbers are left alone
    assertThat(row.get("days_left")).isEqualTo("36");
  }

  @Test
  void negativeDaysLeftStaysAPlainNumber() throws IOException {
    String csv = write(SampleReports.expired());
    assertThat(csv).contains(",-3,").doesNotContain("'-3");
  }

  @Test
  void signsInsideTextAreNotTouched() {
    assertThat(CsvReportWriter.cell("CN=a-b+c")).isEqualTo("CN=a-b+c");
    assertThat(CsvReportWriter.cell(-3L)).isEqualTo(-3L);
    assertThat(CsvReportWriter.cell("")).isEqualTo("");
    assertThat(CsvReportWriter.cell(null)).isNull();
  }

  @Test
  void commasQuotesAndLineBreaksSurviveARoundTrip() throws IOException {
    // Given a subject with every character CSV must quote, and a lone surrogate
    String subject = "CN=a, O=\"Evil, Inc.\"\nOU=line two\r\nOU=three \uD800";
    // When it is written between ordinary rows
    String csv =
        write(SampleReports.trusted(), SampleReports.hostile(subject), SampleReports.trusted());
    // Then a CSV reader sees three rows and the subject intact
    List<Map<String, String>> rows = rows(csv);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get("subject"))
        .isEqualTo("CN=a, O=\"Evil, Inc.\"\nOU=line two\r\nOU=three \uFFFD");
    assertThat(rows.get(2).get("subject")).isEqualTo("CN=good.example");
  }

  @Test
  void rowsReachTheStreamOnFlushNotOnePerRow() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = new CsvReportWriter(out);
    writer.write(SampleReports.expired());
    writer.write(SampleReports.trusted());
    assertThat(out.flushes).as("no flush per row").isZero();
    writer.flush();
    assertThat(out.flushes).isEqualTo(1);
    assertThat(out.text()).startsWith(HEADER + "\n").contains("expired.example");
    assertThat(out.text().lines()).hasSize(3);
  }

  private static String write(HostReport... reports) throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    try (ReportWriter writer = new CsvReportWriter(out)) {
      for (HostReport report : reports) {
        writer.write(report);
      }
    }
    return out.text();
  }

  /** Parses CSV back with a real reader, header first. */
  private static List<Map<String, String>> rows(String csv) throws IOException {
    try (MappingIterator<String[]> lines =
        new CsvMapper()
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .readValues(csv)) {
      List<String[]> all = lines.readAll();
      String[] header = all.get(0);
      assertThat(String.join(",", header)).isEqualTo(HEADER);
      return all.subList(1, all.size()).stream()
          .map(
              cells -> {
                assertThat(cells).as("cells per row").hasSameSizeAs(header);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                  row.put(header[i], cells[i]);
                }
                return row;
              })
          .toList();
    }
  }
}
