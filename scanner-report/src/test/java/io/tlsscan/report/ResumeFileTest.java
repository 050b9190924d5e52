package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.target.TargetParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeFileTest {
  @TempDir Path dir;
  private final TargetParser parser = new TargetParser();

  private static String record(long line, String host, int port) {
    return "{\"target\":{\"input\":\"x\",\"line\":"
        + line
        + ",\"host\":\""
        + host
        + "\",\"port\":"
        + port
        + ",\"ip\":null},\"status\":\"ok\"}\n";
  }

  @Test
  void cutsAPartialLastLineAndKnowsWhichTargetsAreDone() throws IOException {
    // Given two whole records, a line that is not a record, and half a record at the end
    Path file = dir.resolve("scan.jsonl");
    String whole = record(1, "a.example", 443) + record(3, "b.example", 8443) + "garbage\n";
    Files.writeString(file, whole + "{\"target\":{\"line\":4,\"ho");

    // When the file is loaded for --resume
    ResumeFile.State state = ResumeFile.load(file);

    // Then the half line is gone, the garbage line is kept but not counted, the two targets are
    // done
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(whole);
    assertThat(state.records()).isEqualTo(2);
    assertThat(state.unreadable()).isEqualTo(1);
    assertThat(state.repairedBytes()).isEqualTo("{\"target\":{\"line\":4,\"ho".length());
    assertThat(state.done().contains(parser.parse("a.example", 1).findFirst().orElseThrow()))
        .isTrue();
    assertThat(state.done().contains(parser.parse("b.example:8443", 3).findFirst().orElseThrow()))
        .isTrue();
    assertThat(state.done().contains(parser.parse("b.example:8443", 4).findFirst().orElseThrow()))
        .isFalse();
    assertThat(state.done().contains(parser.parse("a.example", 2).findFirst().orElseThrow()))
        .isFalse();
  }

  @Test
  void anInvalidLineIsDoneOnceItsRecordIsThere() throws IOException {
    Path file = dir.resolve("scan.jsonl");
    Files.writeString(
        file,
        "{\"target\":{\"input\":\"bad"
            + " line\",\"line\":7,\"host\":null,\"port\":null},\"status\":\"error\"}\n");
    ResumeFile.State state = ResumeFile.load(file);
    assertThat(state.done().contains(parser.parse("bad:line:x", 7).findFirst().orElseThrow()))
        .isTrue();
  }

  @Test
  void aMissingFileIsAFreshStart() throws IOException {
    ResumeFile.State state = ResumeFile.load(dir.resolve("none.jsonl"));
    assertThat(state.records()).isZero();
    assertThat(state.done().size()).isZero();
  }
}
