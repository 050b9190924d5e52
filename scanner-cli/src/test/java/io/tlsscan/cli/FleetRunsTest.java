package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs of the command, in a child JVM where signals are involved: sharding, resuming after
 * {@code kill -9}, and the graceful stop on SIGINT. Every target must come out exactly once.
 */
class FleetRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DemoFleet fleet;
  private static List<String> quickTargets;

  @TempDir Path dir;

  @BeforeAll
  static void startFleet() {
    fleet = DemoFleet.start();
    quickTargets = new ArrayList<>();
    for (DemoEndpoint endpoint : fleet.endpoints()) {
      if (!endpoint.name().equals("tarpit") && !endpoint.name().equals("drip")) {
        quickTargets.add(endpoint.hostLine());
      }
    }
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  /** {@code copies} copies of the quick endpoints, one a line. */
  private Path hostList(String name, int copies, List<String> lines) throws IOException {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      all.addAll(lines);
    }
    Path file = dir.resolve(name);
    Files.write(file, all);
    return file;
  }

  /** Line number of each record, counted; fails on any line that is not a whole JSON record. */
  private static Map<Long, Integer> linesSeen(Path... outputs) throws IOException {
    Map<Long, Integer> seen = new HashMap<>();
    for (Path output : outputs) {
      for (String line : Files.readAllLines(output)) {
        JsonNode record = JSON.readTree(line);
        seen.merge(record.at("/target/line").asLong(), 1, Integer::sum);
      }
    }
    return seen;
  }

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(false).start();
  }

  /**
   * Starts a child scan of the good server followed by {@code silent} tarpit lines, four targets
   * at a time, and returns once its first record is written: the scan is under way.
   */
  private Process startSilentFleetScan(int silent, String timeout, Path out)
      throws IOException, InterruptedException {
    Path hosts = hostList("silent.txt", silent, List.of(fleet.endpoint("tarpit").hostLine()));
    prepend(hosts, fleet.endpoint("good").hostLine());
    Process scan =
        start(
            "scan", "--fail-on", "none", "-i", hosts.toString(), "-o", out.toString(), "-c", "4", "--timeout", timeout,
            "--probes", "cert");
    awaitFirstRecord(out);
    return scan;
  }

  /** Waits until the child has written its first record: the scan is under way. */
  private static void awaitFirstRecord(Path out) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while ((!Files.exists(out) || Files.size(out) == 0) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static void prepend(Path file, String line) throws IOException {
    Files.writeString(file, line + "\n" + Files.readString(file));
  }

  private static String drain(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void fourShardsTogetherScanEveryTargetExactlyOnce() throws IOException {
    Path hosts = hostList("hosts.txt", 3, quickTargets);
    List<Path> outputs = new ArrayList<>();
    for (int shard = 0; shard < 4; shard++) {
      Path out = dir.resolve("shard-" + shard + ".jsonl");
      outputs.add(out);
      int code =
          Main.run(
              "scan", "--fail-on", "none",
              "-i",
              hosts.toString(),
              "--shard",
              shard + "/4",
              "-o",
              out.toString(),
              "--probes",
              "cert",
              "-q",
              "--ca-file",
              fleet.caFile().toString());
      assertThat(code).isIn(ExitCodes.OK, ExitCodes.SOME_TARGETS_FAILED);
    }
    Map<Long, Integer> seen = linesSeen(outputs.toArray(Path[]::new));
    assertThat(seen).hasSize(3 * quickTargets.size());
    assertThat(seen.values()).containsOnly(1);
  }

  @Test
  void resumeAfterKillMinus9GivesEveryTargetExactlyOnce() throws Exception {
    // Given a slow scan (one target at a time) killed without warning part way
    Path hosts = hostList("hosts.txt", 6, quickTargets);
    Path out = dir.resolve("scan.jsonl");
    Process first =
        start(
            "scan", "--fail-on", "none",
            "-i",
            hosts.toString(),
            "-o",
            out.toString(),
            "-c",
            "1",
            "--probes",
            "cert",
            "--ca-file",
            fleet.caFile().toString(),
            "-q");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline && (!Files.exists(out) || Files.size(out) < 3000)) {
      Thread.sleep(20);
    }
    first.destroyForcibly();
    first.waitFor(10, TimeUnit.SECONDS);
    // A crash can leave half a line: make sure there is one.
    Files.writeString(
        out, "{\"target\":{\"input\":\"half", java.nio.file.StandardOpenOption.APPEND);
    long before = Files.readAllLines(out).size() - 1;
    assertThat(before).isBetween(1L, 6L * quickTargets.size() - 1);

    // When the scan is run again with --resume
    int code =
        Main.run(
            "scan", "--fail-on", "none",
            "-i",
            hosts.toString(),
            "-o",
            out.toString(),
            "--resume",
            "--probes",
            "cert",
            "--ca-file",
            fleet.caFile().toString(),
            "-q");

    // Then the output holds every target once, all whole records
    assertThat(code).isIn(ExitCodes.OK, ExitCodes.SOME_TARGETS_FAILED);
    Map<Long, Integer> seen = linesSeen(out);
    assertThat(seen).hasSize(6 * quickTargets.size());
    assertThat(seen.values()).containsOnly(1);
  }

  @Test
  void sigintStopsTakingTargetsFinishesThoseInFlightAndExits130() throws Exception {
    // Given a scan of one quick server then many silent ones, four at a time, 2 s deadline
    Path out = dir.resolve("silent.jsonl");
    Process scan = startSilentFleetScan(40, "2s", out);
    // When it gets SIGINT
    new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor();
    // Then it ends within the deadline of the targets in flight, says it stopped, exits 130
    assertThat(scan.waitFor(6, TimeUnit.SECONDS)).isTrue();
    String stderr = drain(scan.getErrorStream());
    assertThat(scan.exitValue()).as(stderr).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(stderr).contains("taking no new targets").contains("incomplete");
    Map<Long, Integer> seen = linesSeen(out);
    assertThat(seen.size()).isBetween(4, 39);
    assertThat(seen.values()).containsOnly(1);
  }

  @Test
  void secondSigintCancelsTargetsInFlightWithCancelledRecords() throws Exception {
    Path out = dir.resolve("cancel.jsonl");
    Process scan = startSilentFleetScan(20, "30s", out);
    Thread.sleep(300);
    new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor();
    Thread.sleep(300);
    new ProcessBuilder("kill", "-INT", Long.toString(scan.pid())).start().waitFor();
    assertThat(scan.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(scan.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
    List<String> lines = Files.readAllLines(out);
    // The quick server's record, then the four silent ones in flight, cancelled.
    assertThat(lines).hasSize(5);
    assertThat(JSON.readTree(lines.get(0)).at("/status").asText()).isEqualTo("ok");
    for (String line : lines.subList(1, 5)) {
      assertThat(JSON.readTree(line).at("/error/kind").asText()).isEqualTo("cancelled");
    }
  }
}
