package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.samples.hostile.HostileFleet;
import io.tlsscan.target.HostListReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Scans the hostile fleet twenty times over in one scan (with a healthy server in each round) at
 * concurrency 64 and a 2 s deadline, then checks that nothing piled up: every target has its one
 * record, on time, with the expected outcome (which {@code HostileFleetScanTest} checks strictly),
 * the heap after GC is back near where it started, the scan's threads are gone once the scanner is
 * closed, and Netty's leak detector (paranoid in this test suite) found no buffer or engine that
 * was never released, on the servers' side or the scanner's.
 */
class HostileSoakTest {
  /** The demo servers' own addresses, apart from those of the demo fleet's other users. */
  private static final String DEMO_BASE = "127.0.87.0";

  private static final int ROUNDS = 20;
  private static final int CONCURRENCY = 64;
  private static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final long MAX_HEAP_GROWTH_BYTES = 32L * 1024 * 1024;

  /**
   * Threads that may outlive a scan: Reactor's shared timer workers (the deadlines run on them) and
   * Netty's global executor, which stops by itself once idle.
   */
  private static final List<String> SHARED_THREAD_PREFIXES =
      List.of("parallel-", "globalEventExecutor");

  @Test
  void scanningTheHostileFleetTwentyTimesOverLeavesNothingBehind() throws Exception {
    try (HostileFleet hostile = HostileFleet.start();
        DemoFleet demo = DemoFleet.start(InetAddress.getByName(DEMO_BASE));
        LeakLog leaks = LeakLog.install()) {
      // Given twenty rounds of every hostile server plus one healthy server
      List<String> lines = new ArrayList<>();
      Map<Long, String> expectedByLine = new ConcurrentHashMap<>();
      List<DemoEndpoint> round = new ArrayList<>(hostile.endpoints());
      round.add(demo.endpoint("good"));
      for (int i = 0; i < ROUNDS; i++) {
        for (DemoEndpoint endpoint : round) {
          lines.add(endpoint.hostLine());
          expectedByLine.put((long) lines.size(), outcome(endpoint));
        }
      }
      Set<Thread> threadsBefore = Thread.getAllStackTraces().keySet();
      long heapBefore = usedHeapAfterGc();

      // When they are scanned in one scan, keeping only a tally of the records
      Map<Long, AtomicInteger> recordsByLine = new ConcurrentHashMap<>();
      Queue<String> wrongRecords = new ConcurrentLinkedQueue<>();
      try (Scanner scanner =
          Scanner.builder()
              .options(ScanOptions.defaults().withTimeout(DEADLINE).withConcurrency(CONCURRENCY))
              .trustAnchors(TrustAnchors.of(List.of(hostile.caCertificate(), demo.caCertificate())))
              .build()) {
        scanner
            .scanEntries(new HostListReader().fromArguments(lines))
            .doOnNext(
                report -> {
                  long line = report.target().line();
                  recordsByLine.computeIfAbsent(line, l -> new AtomicInteger()).incrementAndGet();
                  String outcome = outcomeOf(report);
                  String expected = expectedByLine.get(line);
                  boolean acceptable = outcome.equals(expected) || outcome.equals("timeout");
                  if (!acceptable || report.durationMs() > DEADLINE.plus(GRACE).toMillis()) {
                    wrongRecords.add(
                        report.target().input()
                            + ": expected "
                            + expected
                            + ", got "
                            + outcome
                            + " after "
                            + report.durationMs()
                            + " ms "
                            + report.error());
                  }
                })
            .then()
            .block(Duration.ofSeconds(120));
      }

      // Then every target has exactly one record, with the outcome its server deserves (or, with
      // 64 hostile scans sharing the machine, a timeout), and none is late
      assertThat(recordsByLine).hasSize(lines.size());
      assertThat(recordsByLine.values().stream().filter(count -> count.get() != 1))
          .as("targets with other than one record")
          .isEmpty();
      assertThat(wrongRecords).as("records with a wrong outcome or late").isEmpty();

      // And the heap, once collected, is back near where it was
      long heapAfter = usedHeapAfterGc();
      assertThat(heapAfter - heapBefore)
          .as(
              "heap growth after GC (before %d MiB, after %d MiB)",
              heapBefore >> 20, heapAfter >> 20)
          .isLessThan(MAX_HEAP_GROWTH_BYTES);

      // And no thread the scan started is left, stuck or otherwise, once the scanner is closed
      assertThat(threadsStartedSince(threadsBefore)).as("threads left by the scan").isEmpty();

      // And nothing was left unreleased
      assertThat(leaks.collectedLeaks()).as("Netty leak reports").isEmpty();
    }
  }

  private static String outcome(DemoEndpoint endpoint) {
    return endpoint.expected().ok() ? "ok" : endpoint.expected().errorKind();
  }

  private static String outcomeOf(HostReport report) {
    return report.ok() ? "ok" : report.error().kind().wireName();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Live threads that were not there before, other than the shared ones, with what they do. */
  private static Map<String, String> threadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey().isAlive() && !before.contains(entry.getKey()))
        .filter(
            entry ->
                SHARED_THREAD_PREFIXES.stream().noneMatch(entry.getKey().getName()::startsWith))
        .collect(
            Collectors.toMap(
                entry -> entry.getKey().getName(),
                entry -> entry.getKey().getState() + " " + List.of(entry.getValue()),
                (a, b) -> a));
  }

  /**
   * Collects what Netty's leak detector logs (through java.util.logging, Netty's logger when no
   * other logging library is present). The detector reports a leak when an object it tracks was
   * garbage-collected unreleased and a later allocation looks at its queue, so {@link
   * #collectedLeaks()} first collects garbage and allocates a few tracked buffers.
   */
  private static final class LeakLog extends Handler implements AutoCloseable {
    private static final Logger NETTY_LEAK_LOGGER =
        Logger.getLogger(ResourceLeakDetector.class.getName());

    private final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();

    static LeakLog install() {
      LeakLog log = new LeakLog();
      NETTY_LEAK_LOGGER.addHandler(log);
      return log;
    }

    List<String> collectedLeaks() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
        for (int j = 0; j < 64; j++) {
          ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
          probe.release();
        }
      }
      return List.copyOf(leaks);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()
          && String.valueOf(record.getMessage()).contains("LEAK")) {
        leaks.add(String.valueOf(record.getMessage()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      NETTY_LEAK_LOGGER.removeHandler(this);
    }
  }
}
