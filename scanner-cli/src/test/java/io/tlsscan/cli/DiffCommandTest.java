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

/** {@code tlsscan diff} on hand-written scans: exit codes, formats and messages. */
class DiffCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
  }

  private static String record(String host, String findingSeverity) {
    String findings =
        findingSeverity == null
            ? "[]"
            : "[{\"id\":\"f."
                + findingSeverity
                + "\",\"severity\":\""
                + findingSeverity
                + "\",\"message\":\"m\",\"policy\":\"p\"}]";
    return "{\"target\":{\"input\":\""
        + host
        + "\",\"line\":1,\"host\":\""
        + host
        + "\",\"port\":443,\"ip\":\"10.0.0.1\",\"sni\":null,\"starttls\":null},"
        + "\"status\":\"ok\",\"error\":null,\"probe_errors\":{},\"findings\":"
        + findings
        + "}";
  }

  private Path scan(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }

  private int diff(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "diff";
    System.arraycopy(args, 0, all, 1, args.length);
    return Main.run(all);
  }

  @Test
  void exitsOneWhenANewFindingReachesFailOn() throws IOException {
    Path was = scan("old.jsonl", record("a.test", null));
    Path now = scan("new.jsonl", record("a.test", "medium"));
    Path out = dir.resolve("changes.jsonl");

    assertThat(diff(was.toString(), now.toString(), "-o", out.toString()))
        .as("a new medium finding under the default --fail-on high")
        .isZero();
    assertThat(Files.readString(out)).contains("\"change\":\"finding_new\"", "\"worse\":false");
    assertThat(diff(was.toString(), now.toString(), "-o", out.toString(), "--fail-on", "MEDIUM"))
        .isEqualTo(1);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("tlsscan: diff of 1 and 1 records: 1 target changed, 1 worse (finding_new 1)");
  }

  @Test
  void aVanishedTargetIsWorseInText() throws IOException {
    Path was = scan("old.jsonl", record("a.test", null), record("b.test", null));
    Path now = scan("new.jsonl", record("a.test", null));
    Path out = dir.resolve("changes.txt");

    assertThat(diff("-f", "text", "-q", was.toString(), now.toString(), "-o", out.toString()))
        .isEqualTo(1);
    assertThat(Files.readString(out))
        .isEqualTo("b.test:443 (10.0.0.1)  WORSE\n  ! vanished: not in the new scan\n");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void malformedLinesAreNamedAndExitTwoWhenNothingIsWorse() throws IOException {
    Path was = scan("old.jsonl", record("a.test", null), "{oops");
    Path now = scan("new.jsonl", record("a.test", null));

    assertThat(diff(was.toString(), now.toString(), "-o", dir.resolve("c").toString()))
        .isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("tlsscan: skipped " + was + ":2: not JSON", "; 1 line skipped");
  }

  @Test
  void aMissingScanOrABadFlagIsAUsageError() throws IOException {
    Path now = scan("new.jsonl", record("a.test", null));

    String out = dir.resolve("changes.jsonl").toString();

    assertThat(diff(dir.resolve("nope.jsonl").toString(), now.toString(), "-o", out)).isEqualTo(2);
    assertThat(diff(now.toString(), now.toString(), "-o", out, "--fail-on", "severe")).isEqualTo(2);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .contains("cannot read " + dir.resolve("nope.jsonl") + ": no such file")
        .contains("'severe' is not a severity");
  }
}
