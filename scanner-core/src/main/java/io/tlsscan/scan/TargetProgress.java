package io.tlsscan.scan;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the scan of one target has got to, so that a deadline that cuts it short can still say in
 * which phase it was and which address it had reached. Shared between the event loop and the
 * timer thread, hence volatile.
 */
final class TargetProgress {
  final AtomicInteger connections = new AtomicInteger();
  private volatile String phase = "dns";
  private volatile InetAddress address;

  void enter(String newPhase) {
    phase = newPhase;
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
    return current == null ? null : current.getHostAddress();
  }
}
