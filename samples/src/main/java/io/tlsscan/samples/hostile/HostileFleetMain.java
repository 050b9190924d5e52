package io.tlsscan.samples.hostile;

import io.tlsscan.samples.fleet.FleetConsole;

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
    FleetConsole.serveUntilStopped(HostileFleet.start());
  }
}
