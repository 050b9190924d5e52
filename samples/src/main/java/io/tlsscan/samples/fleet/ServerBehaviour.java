package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.function.Consumer;

/** What one fleet endpoint does at its address: serve connections in some way, or not listen. */
public sealed interface ServerBehaviour {

  /**
   * Listens and sets up each accepted connection.
   *
   * @param lifetime how long an accepted connection may stay open at most
   * @param setup adds the connection's handlers (a new instance of each per connection)
   */
  record Listening(Duration lifetime, Consumer<Channel> setup) implements ServerBehaviour {
    public Listening {
      requireNonNull(lifetime, "lifetime");
      requireNonNull(setup, "setup");
    }
  }

  /** Nothing listens: connections are refused. */
  record NotListening() implements ServerBehaviour {}
}
