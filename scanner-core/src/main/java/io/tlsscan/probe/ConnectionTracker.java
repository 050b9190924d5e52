package io.tlsscan.probe;

/**
 * Told by probes about each connection they make, so the scan can count a target's connections
 * and say which phase a deadline cut short.
 */
public interface ConnectionTracker {
  /** A TCP connect is about to start. */
  void connecting();

  /** The TCP connection is up; the TLS exchange starts. */
  void connected();
}
