package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
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
  private static final String HEADER =
      "host,port,ip,sni,status,error_kind,protocol,cipher,subject,issuer,not_after,days_left,"
          + "trusted,trust_errors,hostname_match,key,signature_algorithm,findings";

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
        .containsEntry("findings", "cert.expired;tls.no_tls12");
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
        .containsEntry("trusted", "");
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
    String csv = write(SampleReports.trusted(), SampleReports.hostile(subject), SampleReports.trusted());
    // Then a CSV reader sees three rows and the subject intact
    List<Map<String, String>> rows = rows(csv);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).get("subject")).isEqualTo("CN=a, O=\"Evil, Inc.\"\nOU=line two\r\nOU=three \uFFFD");
    assertThat(rows.get(2).get("subject")).isEqualTo("CN=good.example");
  }

  @Test
  void eachRowIsFlushedAsItIsWritten() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = new CsvReportWriter(out);
    writer.write(SampleReports.expired());
    assertThat(out.text()).startsWith(HEADER + "\n").contains("expired.example");
    int flushes = out.flushes;
    writer.write(SampleReports.trusted());
    assertThat(out.flushes).isGreaterThan(flushes);
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
