package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonArrayReportWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} records")
  @ValueSource(ints = {0, 1, 2, 25})
  void closedOutputIsOneValidArrayOfAllRecords(int count) throws IOException {
    // Given some targets
    List<HostReport> reports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      reports.add(i % 2 == 0 ? SampleReports.expired() : SampleReports.failed(ErrorKind.DNS));
    }
    RecordingOutputStream out = new RecordingOutputStream();
    // When they are written as a JSON array and the writer is closed
    try (ReportWriter writer = new JsonArrayReportWriter(out)) {
      for (HostReport report : reports) {
        writer.write(report);
      }
    }
    // Then the whole output is one JSON array holding the records in order
    JsonNode array = JSON.readTree(out.toByteArray());
    assertThat(array.isArray()).isTrue();
    assertThat(array).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(array.get(i).toString())
          .isEqualTo(new String(RecordJson.toBytes(reports.get(i)), StandardCharsets.UTF_8));
    }
    assertThat(out.closed).isFalse();
  }

  @Test
  void noRecordsIsAnEmptyArray() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    new JsonArrayReportWriter(out).close();
    assertThat(out.text()).isEqualTo("[]\n");
  }

  @Test
  void recordsAreStreamedAsTheyComeNotHeldUntilClose() throws IOException {
    // Given an open array writer
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = new JsonArrayReportWriter(out);
    // When two records are written and flushed, without closing
    writer.write(SampleReports.expired());
    writer.write(SampleReports.trusted());
    writer.flush();
    // Then both are already out and flushed, and only the closing bracket is missing
    assertThat(out.flushes).isEqualTo(1);
    assertThat(JSON.readTree(out.text() + "]")).hasSize(2);
    assertThat(out.text()).doesNotEndWith("]\n");
  }

  @Test
  void writingAfterCloseIsRefused() throws IOException {
    ReportWriter writer = new JsonArrayReportWriter(new RecordingOutputStream());
    writer.close();
    assertThatThrownBy(() -> writer.write(SampleReports.expired()))
        .isInstanceOf(IllegalStateException.class);
  }
}
