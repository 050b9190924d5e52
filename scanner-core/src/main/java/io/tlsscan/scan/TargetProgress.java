package io.tlsscan.scan;

import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.target.IpAddresses;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running state of one target's scan: when it started, where it has got to (so a deadline that
 * cuts it short can say in which phase it was and which address it had reached), and how many
 * connections it made. Shared between the event loop and timer threads, hence atomic and volatile.
 */
final class TargetProgress implements ConnectionTracker {
  private final Instant startedAt;
  private final long startNanos = System.nanoTime();
  private final long deadlineNanos;
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String phase = "dns";
  private volatile InetAddress address;
  private volatile boolean prepaidPermit;

  TargetProgress(Instant startedAt, Duration timeout, boolean prepaidPermit) {
    this.startedAt = startedAt;
    this.deadlineNanos = startNanos + timeout.toNanos();
    this.prepaidPermit = prepaidPermit;
  }

  @Override
  public void connecting() {
    connections.incrementAndGet();
    phase = "connect";
  }

  @Override
  public void connected() {
    phase = "handshake";
  }

  @Override
  public boolean takePrepaidPermit() {
    boolean had = prepaidPermit;
    prepaidPermit = false;
    return had;
  }

  void enter(String newPhase) {
    phase = newPhase;
  }

  void resolved(InetAddress resolved) {
    address = resolved;
  }

  String phase() {
    return phase;
  }

  int connections() {
    return connections.get();
  }

  Instant startedAt() {
    return startedAt;
  }

  long elapsedMs() {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  /** Time left before the deadline; never negative. */
  Duration remaining() {
    long left = deadlineNanos - System.nanoTime();
    return Duration.ofNanos(Math.max(0, left));
  }

  /** The address connected to, or {@code null} before DNS answered. */
  String ip() {
    InetAddress current = address;
    return current == null ? null : IpAddresses.format(current);
  }
}
