package io.tlsscan.samples.hostile;

import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.EndpointPlan;
import io.tlsscan.samples.fleet.Fleet;
import io.tlsscan.samples.fleet.LoopbackFleet;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The hostile fleet: servers on loopback that try to hurt a scanner — they stall, drip, lie about
 * record lengths, flood, send a 1 MiB chain or 10,000 names, break off mid-handshake — each with
 * what a careful scan reports for it ({@link DemoEndpoint#expected()}).
 *
 * <pre>{@code
 * try (HostileFleet fleet = HostileFleet.start()) {
 *   fleet.writeHostList(hosts);   // tlsscan scan -i hosts --ca-file fleet.caFile() --timeout 2s
 *   DemoEndpoint drip = fleet.endpoint("drip");   // drip.expected().errorKind() is "timeout"
 * }
 * }</pre>
 *
 * <p>Endpoint {@code i} listens on its own address, {@link #DEFAULT_BASE_ADDRESS} + {@code i + 1}
 * ({@code 127.0.88.1}, ...), on a port the system picks. Host names end in {@code .hostile.test};
 * each host-list line names the address to connect to, so no DNS is needed. The servers that
 * complete a handshake have leaves from the fleet's own root CA ({@link #caFile()}), made at
 * start-up. All servers share one event loop group of four daemon threads. No connection lives
 * longer than 30 seconds, or 10 minutes for the servers that stall. {@link #close()} stops
 * everything. {@link #endpoints()} come in a fixed order: silent, lying, flooding, broken, then
 * odd-but-valid.
 */
public final class HostileFleet implements Fleet {
  /** The address below the first endpoint's address when none is given. */
  public static final String DEFAULT_BASE_ADDRESS = "127.0.88.0";

  private static final String KIND = "hostile";

  /** More loops than cores, so that one server's slow handshake holds up few others. */
  private static final int EVENT_LOOP_THREADS = 4;

  private final LoopbackFleet loopback;

  private HostileFleet(LoopbackFleet loopback) {
    this.loopback = loopback;
  }

  /** Starts the fleet on {@code 127.0.88.1} and the addresses after it. */
  public static HostileFleet start() {
    return start(LoopbackFleet.ipv4Literal(DEFAULT_BASE_ADDRESS));
  }

  /**
   * Starts the fleet on the loopback addresses after {@code baseAddress}.
   *
   * @param baseAddress an IPv4 loopback address; the endpoints use the next addresses up to at most
   *     {@code x.y.z.254}
   * @throws IllegalArgumentException when {@code baseAddress} is not IPv4 loopback or leaves too
   *     few addresses
   * @throws IllegalStateException when netty-tcnative (BoringSSL) is not available or a server
   *     cannot bind
   * @throws UncheckedIOException when the CA file cannot be written
   */
  public static HostileFleet start(InetAddress baseAddress) {
    Inet4Address ipv4 = LoopbackFleet.requireIpv4Loopback(baseAddress, KIND);
    LoopbackFleet.requireBoringSsl(KIND);
    Issued root = TestPki.certificate("CN=tlsscan Hostile Root CA").longLivedCa().selfSigned();
    List<EndpointPlan> plans = HostileCatalog.plans(root, ipv4);
    return new HostileFleet(
        LoopbackFleet.start(KIND, EVENT_LOOP_THREADS, "--timeout 2s", root.certificate(), plans));
  }

  @Override
  public LoopbackFleet loopback() {
    return loopback;
  }
}
