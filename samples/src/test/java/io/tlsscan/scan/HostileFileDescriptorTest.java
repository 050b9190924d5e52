package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsscan.model.HostReport;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.target.HostListReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two thousand failed connections — refused, reset and answered with something that is not TLS,
 * mixed — leave no file descriptor open: the count in {@code /proc/self/fd} comes back to where it
 * was before them, give or take ten.
 */
class HostileFileDescriptorTest {
  /** The demo servers' own addresses, apart from those of the demo fleet's other users. */
  private static final String DEMO_BASE = "127.0.87.0";

  private static final Path OPEN_FILES = Path.of("/proc/self/fd");
  private static final int FAILED_CONNECTIONS = 2_000;
  private static final int TOLERANCE = 10;
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** Demo endpoint and the error kind its connections end with. */
  private static final Map<String, String> FAILING =
      Map.of("closed-port", "refused", "reset", "reset", "plain-http", "not_tls");

  @Test
  void openFileDescriptorsComeBackToTheBaselineAfterTwoThousandFailedConnections()
      throws InterruptedException, UnknownHostException {
    assumeTrue(Files.isDirectory(OPEN_FILES), "needs /proc/self/fd (Linux)");
    try (DemoFleet demo = DemoFleet.start(InetAddress.getByName(DEMO_BASE));
        Scanner scanner =
            Scanner.builder()
                .options(
                    ScanOptions.defaults().withTimeout(Duration.ofSeconds(2)).withConcurrency(64))
                .build()) {
      List<DemoEndpoint> failing = FAILING.keySet().stream().sorted().map(demo::endpoint).toList();
      // Given a scanner that has already made a few failed connections of each kind
      scan(scanner, targets(failing, 30));
      long baseline = openFileDescriptors();

      // When it makes two thousand more
      List<HostReport> reports = scan(scanner, targets(failing, FAILED_CONNECTIONS));

      // Then each gave one record of the expected kind
      assertThat(reports).hasSize(FAILED_CONNECTIONS);
      Map<String, String> expectedByLine =
          failing.stream()
              .collect(
                  Collectors.toMap(
                      DemoEndpoint::hostLine, endpoint -> FAILING.get(endpoint.name())));
      Map<String, Long> wrong =
          reports.stream()
              .filter(
                  r ->
                      r.ok()
                          || !r.error()
                              .kind()
                              .wireName()
                              .equals(expectedByLine.get(r.target().input())))
              .collect(
                  Collectors.groupingBy(
                      r ->
                          r.target().input()
                              + " -> "
                              + (r.ok() ? "ok" : r.error().kind().wireName()),
                      Collectors.counting()));
      assertThat(wrong).as("records with an unexpected outcome").isEmpty();

      // And the open file descriptors come back to the baseline
      long after = settledOpenFileDescriptors(baseline);
      assertThat(after)
          .as("open file descriptors (baseline %d)", baseline)
          .isBetween(baseline - TOLERANCE, baseline + TOLERANCE);
    }
  }

  private static List<String> targets(List<DemoEndpoint> endpoints, int count) {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(endpoints.get(i % endpoints.size()).hostLine());
    }
    return lines;
  }

  private static List<HostReport> scan(Scanner scanner, List<String> lines) {
    return scanner
        .scanEntries(new HostListReader().fromArguments(lines))
        .collectList()
        .block(Duration.ofSeconds(120));
  }

  /** Connections close asynchronously: waits a little for the count to settle near the baseline. */
  private static long settledOpenFileDescriptors(long baseline) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    long count = openFileDescriptors();
    while (Math.abs(count - baseline) > TOLERANCE && System.nanoTime() < deadline) {
      Thread.sleep(100);
      count = openFileDescriptors();
    }
    return count;
  }

  private static long openFileDescriptors() {
    try (Stream<Path> entries = Files.list(OPEN_FILES)) {
      return entries.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
