package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.target.Transport;
import java.net.InetSocketAddress;

/**
 * Where raw probes go and how politely: the address, the server name to send, who counts the
 * connections, and how many connections to the target may be open at once.
 *
 * @param address the server's address
 * @param serverName the SNI name, or {@code null} for none
 * @param tracker counts the connections
 * @param parallelism connections to this target open at the same time, at least 1
 * @param transport TCP, or UDP with DTLS: which the raw hellos use ({@link RawHelloClient#ask})
 */
public record ProbeTarget(
    InetSocketAddress address,
    String serverName,
    ConnectionTracker tracker,
    int parallelism,
    Transport transport) {
  public ProbeTarget {
    requireNonNull(address, "address");
    requireNonNull(tracker, "tracker");
    requireNonNull(transport, "transport");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** A target reached over TCP. */
  public ProbeTarget(
      InetSocketAddress address, String serverName, ConnectionTracker tracker, int parallelism) {
    this(address, serverName, tracker, parallelism, Transport.TCP);
  }
}
