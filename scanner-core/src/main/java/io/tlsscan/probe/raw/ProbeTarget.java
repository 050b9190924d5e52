package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Endpoint;
import io.tlsscan.target.Transport;
import java.net.InetSocketAddress;

/**
 * Where raw probes go and how politely: the endpoint (address, server name to send, STARTTLS
 * protocol), who counts the connections, and how many connections to the target may be open at
 * once.
 *
 * @param endpoint where every connection goes and what it speaks before TLS
 * @param tracker counts the connections
 * @param parallelism connections to this target open at the same time, at least 1
 * @param transport TCP, or UDP with DTLS: which the raw hellos use ({@link RawHelloClient#ask})
 * @param shared the answers the target's probes share
 */
public record ProbeTarget(
    Endpoint endpoint,
    ConnectionTracker tracker,
    int parallelism,
    Transport transport,
    SharedAnswers shared) {
  public ProbeTarget {
    requireNonNull(endpoint, "endpoint");
    requireNonNull(tracker, "tracker");
    requireNonNull(transport, "transport");
    requireNonNull(shared, "shared");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** A target whose probes share nothing yet. */
  public ProbeTarget(
      Endpoint endpoint, ConnectionTracker tracker, int parallelism, Transport transport) {
    this(endpoint, tracker, parallelism, transport, new SharedAnswers());
  }

  /** A target reached over TCP whose probes share nothing yet. */
  public ProbeTarget(Endpoint endpoint, ConnectionTracker tracker, int parallelism) {
    this(endpoint, tracker, parallelism, Transport.TCP);
  }

  /** The server's address. */
  public InetSocketAddress address() {
    return endpoint.address();
  }

  /** The SNI name, or {@code null} for none. */
  public String serverName() {
    return endpoint.sni();
  }
}
