package io.tlsscan.scan;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/** Cuts work off at a deadline, cheaply enough to do several times per target. */
final class Deadlines {
  /**
   * The name every sequence gets before a Reactor {@code timeout}: that operator describes its
   * source at every subscription, and an unnamed source makes it walk the whole operator chain
   * (about 1 % of the CPU of a certificate scan: two or more timeouts per target). Not shown to
   * users.
   */
  private static final String TIMED = "tlsscan-deadline";

  private Deadlines() {}

  /** {@code work}, or a {@link TimeoutException} when it has not signalled within {@code limit}. */
  static <T> Mono<T> within(Duration limit, Mono<T> work) {
    return work.name(TIMED).timeout(limit);
  }
}
