package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * An endpoint of a loopback fleet (the demo's, the hostile one) before it is bound: everything but
 * its port.
 *
 * @param name short name, e.g. {@code expired}
 * @param host the name (or IP literal) it is scanned as
 * @param address the loopback address it listens on
 * @param description one line saying what is wrong with it
 * @param expected what a correct scan reports
 * @param behaviour what the server does
 * @param scheme the URL scheme its host-list line starts with (e.g. {@code smtp}), or {@code null}
 *     for none
 */
public record EndpointPlan(
    String name,
    String host,
    InetAddress address,
    String description,
    Expectation expected,
    ServerBehaviour behaviour,
    String scheme)
    implements LoopbackFleet.Plan {
  public EndpointPlan {
    requireNonNull(name, "name");
    requireNonNull(host, "host");
    requireNonNull(address, "address");
    requireNonNull(description, "description");
    requireNonNull(expected, "expected");
    requireNonNull(behaviour, "behaviour");
  }

  /** An endpoint scanned without a URL scheme. */
  public EndpointPlan(
      String name,
      String host,
      InetAddress address,
      String description,
      Expectation expected,
      ServerBehaviour behaviour) {
    this(name, host, address, description, expected, behaviour, null);
  }

  /** The endpoint as scanned once it listens on {@code port}. */
  @Override
  public DemoEndpoint bound(int port) {
    String ip = address.getHostAddress();
    String lineScheme = behaviour instanceof ServerBehaviour.Datagram ? "dtls" : scheme;
    String hostLine =
        (lineScheme == null ? "" : lineScheme + "://")
            + (host.equals(ip) ? ip + ":" + port : host + ":" + port + " " + ip);
    return new DemoEndpoint(name, hostLine, host, ip, port, expected, description);
  }
}
