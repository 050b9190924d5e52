package io.tlsscan.samples.fleet;

import io.tlsscan.samples.pki.TestPki;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The demo fleet: two dozen servers on loopback, each with one known flaw (expired certificate,
 * missing intermediate, TLS 1.0 only, a tarpit, an SSH banner, a closed port, ...), with
 * certificates from a private CA made at start-up.
 *
 * <pre>{@code
 * try (DemoFleet fleet = DemoFleet.start()) {
 *   fleet.writeHostList(hosts);          // one "name:port address" line per endpoint
 *   // tlsscan scan -i hosts --ca-file fleet.caFile()
 *   for (DemoEndpoint e : fleet.endpoints()) { ... e.expected() ... }
 * }
 * }</pre>
 *
 * <p>Endpoint {@code i} listens on its own address, {@link #DEFAULT_BASE_ADDRESS} + {@code i + 1}
 * ({@code 127.0.77.1}, {@code 127.0.77.2}, ...), on a port the system picks, so several fleets can
 * run at once. Host names end in {@code .demo.test} and need no DNS: each host-list line names the
 * address to connect to. The servers share one event loop of two daemon threads; they answer a
 * completed TLS handshake's first request with a tiny HTTP response, so curl and {@code openssl
 * s_client} work too. No connection lives longer than 30 seconds, or 10 minutes for the stalling
 * servers. {@link #close()} stops every server and deletes the CA file. {@link #endpoints()} come
 * in a fixed order: trusted first, then certificate, protocol, non-TLS flaws.
 */
public final class DemoFleet implements Fleet {
  /** The address below the first endpoint's address when none is given. */
  public static final String DEFAULT_BASE_ADDRESS = "127.0.77.0";

  private static final String KIND = "demo";
  private static final int EVENT_LOOP_THREADS = 2;

  private final LoopbackFleet loopback;

  private DemoFleet(LoopbackFleet loopback) {
    this.loopback = loopback;
  }

  /** Starts the fleet on {@code 127.0.77.1} and the addresses after it. */
  public static DemoFleet start() {
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
  public static DemoFleet start(InetAddress baseAddress) {
    Inet4Address ipv4 = LoopbackFleet.requireIpv4Loopback(baseAddress, KIND);
    // Loading BoringSSL and starting Bouncy Castle each take a few hundred ms: do both at once.
    CompletableFuture<FleetPki> startingPki = CompletableFuture.supplyAsync(FleetPki::create);
    LoopbackFleet.requireBoringSsl(KIND);
    FleetPki pki = startingPki.join();
    List<EndpointPlan> plans = FleetCatalog.plans(pki, ipv4);
    return new DemoFleet(
        LoopbackFleet.start(KIND, EVENT_LOOP_THREADS, "", pki.root().certificate(), plans));
  }

  /** The demo root CA certificate as PEM text. */
  public String caPem() {
    return TestPki.pem(caCertificate());
  }

  @Override
  public LoopbackFleet loopback() {
    return loopback;
  }
}
