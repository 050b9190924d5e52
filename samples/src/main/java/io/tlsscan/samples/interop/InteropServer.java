package io.tlsscan.samples.interop;

import java.net.InetSocketAddress;

/** A running TLS server of some stack; {@link #close()} stops it and removes its files. */
public interface InteropServer extends AutoCloseable {
  /** Where it listens. */
  InetSocketAddress address();

  /** What it logged so far, for assertion messages. */
  String log();

  @Override
  void close();
}
