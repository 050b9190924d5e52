package io.tlsscan.scan;

import io.tlsscan.probe.ConnectionTracker;
import io.tlsscan.target.IpAddresses;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the scan of one target has got to, so that a deadline that cuts it short can still say in
 * which phase it was and which address it had reached. Shared between the event loop and the
 * timer thread, hence volatile.
 */
final class TargetProgress implements ConnectionTracker {
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String phase = "dns";
  private volatile InetAddress address;

  @Override
  public void connecting() {
    connections.incrementAndGet();
    phase = "connect";
  }

  @Override
  public void connected() {
    phase = "handshake";
  }

  int connections() {
    return connections.get();
  }

  void resolved(InetAddress resolved) {
    address = resolved;
  }

  String phase() {
    return phase;
  }

  /** The address connected to, or {@code null} before DNS answered. */
  String ip() {
    InetAddress current = address;
    return current == null ? null : IpAddresses.format(current);
  }
}
