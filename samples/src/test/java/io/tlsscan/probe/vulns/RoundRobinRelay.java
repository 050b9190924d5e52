package io.tlsscan.probe.vulns;

import io.tlsscan.testing.LoopbackSocketServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * A TCP relay on a loopback address that hands each new connection to the next of its backends in
 * turn, as a load balancer in front of a pool of servers does. Bytes pass unchanged both ways.
 * {@link #close()} ends every connection.
 */
final class RoundRobinRelay implements AutoCloseable {
  private final List<InetSocketAddress> backends;
  private final LoopbackSocketServer server;

  RoundRobinRelay(String loopback, List<InetSocketAddress> backends) throws IOException {
    this.backends = List.copyOf(backends);
    this.server = LoopbackSocketServer.start(loopback, "round-robin-relay", this::relay);
  }

  InetSocketAddress address() {
    return server.address();
  }

  @Override
  public void close() {
    server.close();
  }

  private void relay(Socket client, int ordinal) throws IOException {
    InetSocketAddress backend = backends.get(ordinal % backends.size());
    Socket to;
    try {
      to = server.track(new Socket(backend.getAddress(), backend.getPort()));
    } catch (IOException e) {
      client.close();
      throw e;
    }
    LoopbackSocketServer.daemon(
        "round-robin-relay-upstream", () -> LoopbackSocketServer.pump(client.getInputStream(), to));
    LoopbackSocketServer.pump(to.getInputStream(), client);
  }
}
