package io.tlsscan.net;

import reactor.core.publisher.Mono;

/**
 * Told by the {@link Connector} about each connection made for one target, so the scan can count
 * them and say which phase a deadline cut short; it may also make a connection wait its turn.
 */
public interface ConnectionTracker {
  /** A TCP connect is about to start (after any rate-limit wait). */
  void connecting();

  /** The TCP connection is up. */
  void connected();

  /**
   * Whether this connection may use a rate-limit permit taken before the target's deadline started;
   * true at most once per target.
   */
  default boolean takePrepaidPermit() {
    return false;
  }

  /**
   * {@code connection} once this target may have one more connection open: the whole connection,
   * from before its rate-limit wait to its close. At once by default.
   */
  default <T> Mono<T> inTurn(Mono<T> connection) {
    return connection;
  }

  /** A tracker that tracks nothing. */
  ConnectionTracker NONE =
      new ConnectionTracker() {
        @Override
        public void connecting() {}

        @Override
        public void connected() {}
      };
}
