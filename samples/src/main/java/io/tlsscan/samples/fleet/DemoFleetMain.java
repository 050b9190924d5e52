package io.tlsscan.samples.fleet;

/**
 * Starts the demo fleet from the command line, prints its host list and CA file, and serves until
 * Ctrl-C. The host list goes to standard output, so it can be saved and scanned:
 *
 * <pre>{@code
 * java -cp ... io.tlsscan.samples.fleet.DemoFleetMain > demo-hosts.txt
 * tlsscan scan -i demo-hosts.txt --ca-file /tmp/tlsscan-demo-.../demo-ca.pem
 * curl --cacert /tmp/tlsscan-demo-.../demo-ca.pem --resolve good.demo.test:PORT:127.0.77.1 \
 *     https://good.demo.test:PORT/
 * }</pre>
 */
public final class DemoFleetMain {
  private DemoFleetMain() {}

  /** Starts the fleet; takes no arguments. */
  public static void main(String[] args) throws InterruptedException {
    FleetConsole.serveUntilStopped(DemoFleet.start());
  }
}
