package io.tlsscan.samples.hostile;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the hostile fleet from the command line, prints its host list and CA file, and serves
 * until Ctrl-C. The host list goes to standard output, so it can be saved and scanned:
 *
 * <pre>{@code
 * java -cp ... io.tlsscan.samples.hostile.HostileFleetMain > hostile-hosts.txt
 * tlsscan scan -i hostile-hosts.txt --timeout 2s --ca-file /tmp/tlsscan-hostile-.../hostile-ca.pem
 * }</pre>
 */
public final class HostileFleetMain {
  private HostileFleetMain() {}

  /** Starts the fleet; takes no arguments. */
  public static void main(String[] args) throws InterruptedException {
    HostileFleet fleet = HostileFleet.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  fleet.close();
                  stopped.countDown();
                },
                "tlsscan-hostile-stop"));
    PrintStream out = System.out;
    fleet.hostList().forEach(out::println);
    out.flush();
    System.err.println("hostile fleet CA file: " + fleet.caFile());
    System.err.println(
        "serving " + fleet.endpoints().size() + " hostile endpoints; press Ctrl-C to stop");
    stopped.await();
  }
}
