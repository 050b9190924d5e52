package io.tlsscan.scan;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a scan runs. Defaults ({@link #defaults()}): concurrency 256, per-target deadline 10 s,
 * connect timeout 5 s, at most 256 KiB read per connection.
 *
 * @param concurrency targets scanned at the same time
 * @param timeout hard deadline per target, covering DNS, connect, handshake and every probe
 * @param connectTimeout time allowed for one TCP connect
 * @param maxBytesPerConnection bytes one connection may read before it is cut
 */
public record ScanOptions(
    int concurrency, Duration timeout, Duration connectTimeout, int maxBytesPerConnection) {
  public static final int DEFAULT_CONCURRENCY = 256;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_BYTES_PER_CONNECTION = 256 * 1024;

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
  }

  public static ScanOptions defaults() {
    return new ScanOptions(
        DEFAULT_CONCURRENCY,
        DEFAULT_TIMEOUT,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_MAX_BYTES_PER_CONNECTION);
  }

  public ScanOptions withConcurrency(int value) {
    return new ScanOptions(value, timeout, connectTimeout, maxBytesPerConnection);
  }

  public ScanOptions withTimeout(Duration value) {
    return new ScanOptions(concurrency, value, connectTimeout, maxBytesPerConnection);
  }

  public ScanOptions withConnectTimeout(Duration value) {
    return new ScanOptions(concurrency, timeout, value, maxBytesPerConnection);
  }

  public ScanOptions withMaxBytesPerConnection(int value) {
    return new ScanOptions(concurrency, timeout, connectTimeout, value);
  }
}
