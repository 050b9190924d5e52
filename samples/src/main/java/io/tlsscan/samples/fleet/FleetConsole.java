package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Serves a started fleet from the command line: prints its host list to standard output, so it can
 * be saved and scanned, says where its CA file is on standard error, and serves until Ctrl-C (or
 * any other JVM shutdown) closes it.
 */
public final class FleetConsole {
  private FleetConsole() {}

  /**
   * Prints what scans {@code fleet} and blocks until the JVM shuts down, closing it on the way.
   *
   * @throws InterruptedException when the waiting thread is interrupted first
   */
  public static void serveUntilStopped(Fleet fleet) throws InterruptedException {
    requireNonNull(fleet, "fleet");
    String kind = fleet.loopback().kind();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  stopped.countDown();
                },
                "tlsscan-" + kind + "-stop"));
    PrintStream out = System.out;
    fleet.hostList().forEach(out::println);
    out.flush();
    System.err.println(kind + " fleet CA file: " + fleet.caFile());
    System.err.println(
        "serving " + fleet.endpoints().size() + " " + kind + " endpoints; press Ctrl-C to stop");
    stopped.await();
  }
}
