package io.tlsscan.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Spaces out new connections: at most {@code globalPerSecond} in all and {@code perIpPerSecond} to
 * any one address (0 means no limit). Each permit reserves the next free slot and waits for it on a
 * timer, so nothing spins; bursts are not allowed, the spacing is even.
 */
public final class ConnectionRateLimiter {
  private static final int PER_IP_SWEEP_THRESHOLD = 4096;

  private final long globalIntervalNanos;
  private final long perIpIntervalNanos;
  private final AtomicLong nextGlobalSlot = new AtomicLong(Long.MIN_VALUE);
  private final ConcurrentHashMap<InetAddress, AtomicLong> nextSlotByIp = new ConcurrentHashMap<>();

  public ConnectionRateLimiter(double globalPerSecond, double perIpPerSecond) {
    if (globalPerSecond < 0 || perIpPerSecond < 0) {
      throw new IllegalArgumentException("rates must not be negative");
    }
    this.globalIntervalNanos = interval(globalPerSecond);
    this.perIpIntervalNanos = interval(perIpPerSecond);
  }

  /** A limiter that never waits. */
  public static ConnectionRateLimiter unlimited() {
    return new ConnectionRateLimiter(0, 0);
  }

  private static long interval(double perSecond) {
    return perSecond == 0 ? 0 : Math.max(1, Math.round(1_000_000_000 / perSecond));
  }

  /** Whether any connection ever waits. */
  public boolean limits() {
    return globalIntervalNanos > 0 || perIpIntervalNanos > 0;
  }

  public boolean limitsGlobally() {
    return globalIntervalNanos > 0;
  }

  /** Completes when a new connection may be opened anywhere. */
  public Mono<Void> global() {
    return globalIntervalNanos == 0
        ? Mono.empty()
        : waitFor(reserve(nextGlobalSlot, globalIntervalNanos));
  }

  /** Completes when a new connection may be opened to {@code address}. */
  public Mono<Void> perIp(InetAddress address) {
    if (perIpIntervalNanos == 0) {
      return Mono.empty();
    }
    if (nextSlotByIp.size() > PER_IP_SWEEP_THRESHOLD) {
      long idle = System.nanoTime() - perIpIntervalNanos;
      nextSlotByIp.values().removeIf(slot -> slot.get() < idle);
    }
    AtomicLong slot = nextSlotByIp.computeIfAbsent(address, a -> new AtomicLong(Long.MIN_VALUE));
    return waitFor(reserve(slot, perIpIntervalNanos));
  }

  /** Takes the next slot: the later of now and the previous slot plus one interval. */
  private static long reserve(AtomicLong nextSlot, long intervalNanos) {
    long now = System.nanoTime();
    long previous = nextSlot.getAndAccumulate(now, (prev, n) -> Math.max(prev, n) + intervalNanos);
    return Math.max(previous, now);
  }

  private static Mono<Void> waitFor(long slotNanos) {
    long wait = slotNanos - System.nanoTime();
    return wait <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(wait)).then();
  }
}
