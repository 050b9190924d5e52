package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
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
    assertThatThrownBy(() -> ReportFormat.fromName("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'xml'")
        .hasMessageContaining("text, jsonl, json, csv, html, prometheus, junit, findings-csv");
  }

  @Test
  void factoryOpensTheWriterOfEachFormat() throws IOException {
    assertThat(write(ReportFormat.JSONL)).endsWith("}\n").doesNotStartWith("[");
    assertThat(new ObjectMapper().readTree(write(ReportFormat.JSON)).isArray()).isTrue();
    assertThat(write(ReportFormat.CSV)).startsWith("host,port,ip,");
    assertThat(write(ReportFormat.TEXT)).startsWith("FAIL expired.example:443");
  }

  @Test
  void recordsWaitInTheBufferUntilFlushAndReachTheStreamAsWholeLines() throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    ReportWriter writer = ReportFormat.JSONL.open(out);
    writer.write(SampleReports.expired());
    writer.write(SampleReports.trusted());
    assertThat(out.writes).as("nothing before the flush").isZero();
    writer.flush();
    assertThat(out.writes).as("both records in one write").isEqualTo(1);
    assertThat(out.text().lines()).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReportFormat.class,
      names = {"HTML", "PROMETHEUS", "JUNIT"},
      mode = EnumSource.Mode.EXCLUDE)
  void aStreamThatFailedIsReportedOnceAndNeverWrittenAgain(ReportFormat format) throws IOException {
    // Given a writer on a disk that fills up at the first write that reaches it
    FullDisk disk = new FullDisk();
    ReportWriter writer = format.open(disk);
    writer.write(SampleReports.expired());
    // When the flush meets the failure
    assertThatThrownBy(writer::flush).isInstanceOf(IOException.class).hasMessage("No space left");
    // Then later records and the close neither fail again nor write anything
    writer.write(SampleReports.trusted());
    writer.close();
    assertThat(disk.attempts).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = ReportFormat.class,
      names = {"HTML", "PROMETHEUS", "JUNIT"})
  void aDocumentWrittenWholeOnCloseReportsAFailedStreamOnce(ReportFormat format)
      throws IOException {
    FullDisk disk = new FullDisk();
    ReportWriter writer = format.open(disk);
    writer.write(SampleReports.expired());
    writer.flush();
    assertThat(disk.attempts).as("nothing written before close").isZero();
    assertThatThrownBy(writer::close).isInstanceOf(IOException.class).hasMessage("No space left");
    writer.close();
    assertThat(disk.attempts).isEqualTo(1);
  }

  /** Fails every write, counting them. */
  private static final class FullDisk extends OutputStream {
    int attempts;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      attempts++;
      throw new IOException("No space left");
    }
  }

  private static String write(ReportFormat format) throws IOException {
    RecordingOutputStream out = new RecordingOutputStream();
    try (ReportWriter writer = format.open(out)) {
      writer.write(SampleReports.expired());
    }
    return out.text();
  }
}
