package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

/**
 * One server of the demo fleet.
 *
 * @param name short name, e.g. {@code expired}
 * @param hostLine the host-list line that scans it, e.g. {@code expired.demo.test:40123
 *     127.0.77.2}: the name to send as SNI and check the certificate against, then the address to
 *     connect to, so no DNS is needed
 * @param host the DNS-like name (or IP literal) the server is scanned as
 * @param address the loopback IP address it listens on (or, for a closed port, does not)
 * @param port its TCP port
 * @param expected what a correct scan reports for it
 * @param description one line saying what is wrong with it
 */
public record DemoEndpoint(
    String name,
    String hostLine,
    String host,
    String address,
    int port,
    Expectation expected,
    String description) {
  public DemoEndpoint {
    requireNonNull(name, "name");
    requireNonNull(hostLine, "hostLine");
    requireNonNull(host, "host");
    requireNonNull(address, "address");
    requireNonNull(expected, "expected");
    requireNonNull(description, "description");
  }

  /** Whether it is a DTLS server over UDP, scanned with a {@code dtls://} line. */
  public boolean datagram() {
    return hostLine.startsWith("dtls://");
  }
}
