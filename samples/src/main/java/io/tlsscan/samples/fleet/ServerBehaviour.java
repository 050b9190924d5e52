package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.tlsscan.samples.openssl.OpenSslServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

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

  /**
   * A DTLS server over UDP, a process of its own ({@code openssl s_server -dtls}); scanned with a
   * {@code dtls://} line.
   *
   * @param start starts it on the given loopback address and a free port
   */
  record Datagram(Function<InetAddress, OpenSslServer> start) implements ServerBehaviour {
    public Datagram {
      requireNonNull(start, "start");
    }
  }

  /** Nothing listens: connections are refused. */
  record NotListening() implements ServerBehaviour {}
}
