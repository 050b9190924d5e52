package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsscan report} on a hand-written scan. */
class ReportCommandTest {
  private static final String RECORD =
      "{\"target\":{\"input\":\"a.test\",\"line\":1,\"host\":\"a.test\",\"port\":443,"
          + "\"ip\":\"10.0.0.1\",\"sni\":\"a.test\",\"starttls\":null},\"status\":\"ok\","
          + "\"error\":null,\"certificate\":{\"trusted\":true,\"trust_errors\":[],"
          + "\"chain\":[{\"subject\":\"CN=<script>\",\"issuer\":\"CN=CA\",\"sha256\":\"ab\","
          + "\"not_after\":\"2026-12-01T00:00:00.000Z\",\"days_left\":5}]},"
          + "\"probe_errors\":{},\"findings\":[]}";

  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void writesTheHtmlReportAndTheSummary() throws IOException {
    Path scan = Files.write(dir.resolve("scan.jsonl"), List.of(RECORD, "", RECORD));
    Path html = dir.resolve("report.html");

    int code = Main.run("report", scan.toString(), "-o", html.toString(), "--summary");

    assertThat(code).isZero();
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("CN=&lt;script&gt;");
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .startsWith("targets: 2 (2 answered, 0 could not be scanned)\n")
        .contains("expiring within 7 days: 2", "  2 targets  CN=<script>  ab\n");
  }

  @Test
  void malformedLinesAreNamedAndTheRestIsReported() throws IOException {
    Path scan = Files.write(dir.resolve("scan.jsonl"), List.of(RECORD, "{\"status\":\"ok\"}"));
    Path prom = dir.resolve("tlsscan.prom");

    int code = Main.run("report", scan.toString(), "-f", "prometheus", "-o", prom.toString());

    assertThat(code).isEqualTo(2);
    assertThat(Files.readString(prom)).contains("tlsscan_target_up{host=\"a.test\"");
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("tlsscan: skipped " + scan + ":2: not a record: no target object");
  }

  @Test
  void aFormatOnlyAScanWritesIsAUsageError() throws IOException {
    Path scan = Files.write(dir.resolve("scan.jsonl"), List.of(RECORD));

    int code = Main.run("report", scan.toString(), "-f", "csv", "-o", dir.resolve("x").toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("'csv' is not a report format");
  }
}
