package io.tlsscan.samples.hostile;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.Expectation;
import io.tlsscan.samples.fleet.LoopbackFleet;
import io.tlsscan.samples.fleet.ServerBehaviour;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A hostile server before it is bound: everything but its port.
 *
 * @param name short name, e.g. {@code drip}
 * @param host the name it is scanned as (SNI and certificate name)
 * @param address the loopback address it listens on
 * @param description one line saying how it misbehaves
 * @param expected what a careful scan reports for it
 * @param lifetime how long one of its connections may stay open at most
 * @param setup adds the handlers of one accepted connection (new instances each time)
 */
record HostilePlan(
    String name,
    String host,
    InetAddress address,
    String description,
    Expectation expected,
    Duration lifetime,
    Consumer<Channel> setup)
    implements LoopbackFleet.Plan {
  HostilePlan {
    requireNonNull(name, "name");
    requireNonNull(host, "host");
    requireNonNull(address, "address");
    requireNonNull(description, "description");
    requireNonNull(expected, "expected");
    requireNonNull(lifetime, "lifetime");
    requireNonNull(setup, "setup");
  }

  /** Every hostile server listens, keeping each connection at most {@link #lifetime()}. */
  @Override
  public ServerBehaviour behaviour() {
    return new ServerBehaviour.Listening(lifetime, setup);
  }

  /** The endpoint as scanned once it listens on {@code port}. */
  @Override
  public DemoEndpoint bound(int port) {
    String ip = address.getHostAddress();
    return new DemoEndpoint(
        name, host + ":" + port + " " + ip, host, ip, port, expected, description);
  }
}
