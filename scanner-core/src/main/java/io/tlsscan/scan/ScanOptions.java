package io.tlsscan.scan;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.ProbeId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How a scan runs. {@link #defaults()}: concurrency 256, per-target deadline 10 s, connect timeout
 * 5 s, at most 256 KiB read per connection, no rate limits, 1 retry of transient failures, the
 * first address of each name, the system's DNS servers.
 *
 * @param concurrency targets scanned at the same time
 * @param timeout hard deadline per target, covering DNS, connect, handshake and every probe
 * @param connectTimeout time allowed for one TCP connect
 * @param maxBytesPerConnection bytes one connection may read before it is cut
 * @param ratePerSecond new connections per second in all, 0 for no limit; a target's deadline
 *     starts once its first connection is allowed
 * @param perIpRatePerSecond new connections per second to one IP address, 0 for no limit
 * @param retries extra attempts after a transient failure (reset, connect timeout), within the
 *     deadline; never after refused, not-TLS or an alert
 * @param allIps scan every address a name resolves to (one record each) instead of the first
 * @param probes what to find out besides the handshake (default {@link ProbeId#DEFAULT})
 * @param perHostConnections connections to one target open at the same time (default 2)
 * @param dnsServers the DNS servers to ask, in order (at most {@value #MAX_DNS_SERVERS}); empty for
 *     those of {@code /etc/resolv.conf}. Names in {@code /etc/hosts} are answered from it either
 *     way.
 */
public record ScanOptions(
    int concurrency,
    Duration timeout,
    Duration connectTimeout,
    int maxBytesPerConnection,
    double ratePerSecond,
    double perIpRatePerSecond,
    int retries,
    boolean allIps,
    Set<ProbeId> probes,
    int perHostConnections,
    List<InetSocketAddress> dnsServers) {
  public static final int DEFAULT_CONCURRENCY = 256;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_BYTES_PER_CONNECTION = 256 * 1024;
  public static final int DEFAULT_RETRIES = 1;
  public static final int DEFAULT_PER_HOST_CONNECTIONS = 2;
  public static final int MAX_DNS_SERVERS = 16;

  public ScanOptions {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    requireNonNull(timeout, "timeout");
    requireNonNull(connectTimeout, "connectTimeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive, got " + connectTimeout);
    }
    if (maxBytesPerConnection < 1024) {
      throw new IllegalArgumentException(
          "max bytes per connection must be at least 1024, got " + maxBytesPerConnection);
    }
    if (!(ratePerSecond >= 0) || !(perIpRatePerSecond >= 0)) {
      throw new IllegalArgumentException("rates must be 0 (no limit) or positive");
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be between 0 and 10, got " + retries);
    }
    probes = Set.copyOf(probes);
    if (perHostConnections < 1 || perHostConnections > 64) {
      throw new IllegalArgumentException(
          "connections per host must be between 1 and 64, got " + perHostConnections);
    }
    dnsServers = List.copyOf(dnsServers);
    if (dnsServers.size() > MAX_DNS_SERVERS) {
      throw new IllegalArgumentException(
          "at most " + MAX_DNS_SERVERS + " DNS servers, got " + dnsServers.size());
    }
    for (InetSocketAddress server : dnsServers) {
      if (server.isUnresolved()) {
        throw new IllegalArgumentException("a DNS server must be an IP address, got " + server);
      }
    }
  }

  /** Whether {@code probe} was asked for. */
  public boolean runs(ProbeId probe) {
    return probes.contains(probe);
  }

  public static ScanOptions defaults() {
    return new ScanOptions(
        DEFAULT_CONCURRENCY,
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_MAX_BYTES_PER_CONNECTION,
        0,
        0,
        DEFAULT_RETRIES,
        false,
        ProbeId.DEFAULT,
        DEFAULT_PER_HOST_CONNECTIONS,
        List.of());
  }

  public ScanOptions withConcurrency(int value) {
    return copy(c -> c.concurrency = value);
  }

  public ScanOptions withTimeout(Duration value) {
    return copy(c -> c.timeout = value);
  }

  public ScanOptions withConnectTimeout(Duration value) {
    return copy(c -> c.connectTimeout = value);
  }

  public ScanOptions withMaxBytesPerConnection(int value) {
    return copy(c -> c.maxBytesPerConnection = value);
  }

  public ScanOptions withRates(double perSecond, double perIpPerSecond) {
    return copy(
        c -> {
          c.ratePerSecond = perSecond;
          c.perIpRatePerSecond = perIpPerSecond;
        });
  }

  public ScanOptions withRetries(int value) {
    return copy(c -> c.retries = value);
  }

  public ScanOptions withAllIps(boolean value) {
    return copy(c -> c.allIps = value);
  }

  public ScanOptions withProbes(Set<ProbeId> value) {
    return copy(c -> c.probes = value);
  }

  public ScanOptions withPerHostConnections(int value) {
    return copy(c -> c.perHostConnections = value);
  }

  public ScanOptions withDnsServers(List<InetSocketAddress> value) {
    return copy(c -> c.dnsServers = value);
  }

  /** A copy with one change, validated like any other. */
  private ScanOptions copy(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.build();
  }

  /** The mutable form of a copy while it is being changed. */
  private static final class Draft {
    int concurrency;
    Duration timeout;
    Duration connectTimeout;
    int maxBytesPerConnection;
    double ratePerSecond;
    double perIpRatePerSecond;
    int retries;
    boolean allIps;
    Set<ProbeId> probes;
    int perHostConnections;
    List<InetSocketAddress> dnsServers;

    Draft(ScanOptions from) {
      concurrency = from.concurrency;
      timeout = from.timeout;
      connectTimeout = from.connectTimeout;
      maxBytesPerConnection = from.maxBytesPerConnection;
      ratePerSecond = from.ratePerSecond;
      perIpRatePerSecond = from.perIpRatePerSecond;
      retries = from.retries;
      allIps = from.allIps;
      probes = from.probes;
      perHostConnections = from.perHostConnections;
      dnsServers = from.dnsServers;
    }

    ScanOptions build() {
      return new ScanOptions(
          concurrency,
          timeout,
          connectTimeout,
          maxBytesPerConnection,
          ratePerSecond,
          perIpRatePerSecond,
          retries,
          allIps,
          probes,
          perHostConnections,
          dnsServers);
    }
  }
}
