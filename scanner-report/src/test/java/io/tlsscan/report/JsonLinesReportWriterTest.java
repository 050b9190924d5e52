package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneLinePerRecordInOrder() throws IOException {
    // Given three targets, one with a line break and surrogates in its certificate subject
    List<HostReport> reports =
        List.of(
            SampleReports.expired(),
            SampleReports.failed(ErrorKind.TIMEOUT),
            SampleReports.hostile("CN=a\nb\uD800"));
    RecordingOutputStream out = new RecordingOutputStream();
    // When they are written as JSON Lines
    try (ReportWriter writer = new JsonLinesReportWriter(out)) {
      for (HostReport report : reports) {
        writer.write(report);
      }
    }
    // Then there is exactly one parseable line per target, in the order written
    String text = out.text();
    assertThat(text).endsWith("\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(JSON.readTree(lines.get(0)).at("/target/host").asText())
        .isEqualTo("expired.example");
    assertThat(JSON.readTree(lines.get(1)).at("/error/kind").asText()).isEqualTo("timeout");
    assertThat(JSON.readTree(lines.get(2)).at("/certificate/chain/0/subject").asText())
        .isEqualTo("CN=a\nb\uFFFD");
  }

  @Test
  void eachRecordIsOneWriteAndAFlushPushesTheRecordsOut() throws IOException {
    // Given a writer on a stream that counts calls
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = new JsonLinesReportWriter(out);
    // When two records are written, then flushed
    writer.write(SampleReports.expired());
    assertThat(out.writes).as("a whole line in one write").isEqualTo(1);
    writer.write(SampleReports.trusted());
    assertThat(out.flushes).as("no flush per record").isZero();
    writer.flush();
    // Then each record cost one write, so a crash cuts at most the last line, and one flush
    // pushed both through
    assertThat(out.writes).isEqualTo(2);
    assertThat(out.flushes).isEqualTo(1);
    assertThat(out.text().lines()).hasSize(2);
  }

  @Test
  void closeFlushesButLeavesTheStreamOpenAndRefusesMoreRecords() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = new JsonLinesReportWriter(out);
    writer.close();
    writer.close();
    assertThat(out.closed).isFalse();
    assertThat(out.size()).as("no records, no bytes").isZero();
    assertThatThrownBy(() -> writer.write(SampleReports.expired()))
        .isInstanceOf(IllegalStateException.class);
  }
}
