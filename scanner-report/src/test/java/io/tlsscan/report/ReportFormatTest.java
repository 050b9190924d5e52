package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void everyFormatIsFoundByItsCommandLineName(ReportFormat format) {
    assertThat(ReportFormat.fromName(format.cliName())).isEqualTo(format);
    assertThat(ReportFormat.fromName(format.cliName().toUpperCase())).isEqualTo(format);
  }

  @Test
  void unknownNameIsRejectedNamingInputAndChoices() {
    assertThatThrownBy(() -> ReportFormat.fromName("html"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'html'")
        .hasMessageContaining("text, jsonl, json, csv");
  }

  @Test
  void factoryOpensTheWriterOfEachFormat() throws IOException {
    assertThat(write(ReportFormat.JSONL)).endsWith("}\n").doesNotStartWith("[");
    assertThat(new ObjectMapper().readTree(write(ReportFormat.JSON)).isArray()).isTrue();
    assertThat(write(ReportFormat.CSV)).startsWith("host,port,ip,");
    assertThat(write(ReportFormat.TEXT)).startsWith("FAIL expired.example:443");
  }

  private static String write(ReportFormat format) throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    try (ReportWriter writer = format.open(out)) {
      writer.write(SampleReports.expired());
    }
    return out.text();
  }
}
