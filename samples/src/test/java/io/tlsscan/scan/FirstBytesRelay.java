package io.tlsscan.scan;

import io.tlsscan.testing.LoopbackSocketServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback TCP relay in front of a real TLS server that plays a server of another kind on each
 * connection's first bytes: its {@link Gate} reads what it needs of them and either answers the
 * client itself (the connection then ends) or lets the connection through, those bytes first, then
 * byte for byte both ways.
 */
final class FirstBytesRelay implements AutoCloseable {
  /** Decides on a connection from the client's first bytes. */
  @FunctionalInterface
  interface Gate {
    /**
     * Reads from {@code fromClient}; returns the bytes read to pass them on to the server, or
     * {@code null} after answering {@code client} itself.
     */
    byte[] admit(DataInputStream fromClient, Socket client) throws IOException;
  }

  private final InetSocketAddress backend;
  private final Gate gate;
  private final LoopbackSocketServer server;

  private FirstBytesRelay(String host, InetSocketAddress backend, Gate gate) throws IOException {
    this.backend = backend;
    this.gate = gate;
    this.server = LoopbackSocketServer.start(host, "first-bytes-relay", this::serve);
  }

  /**
   * Listens on {@code host}, a free port, and relays what {@code gate} admits to {@code backend}.
   */
  static FirstBytesRelay start(String host, InetSocketAddress backend, Gate gate) {
    try {
      return new FirstBytesRelay(host, backend, gate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return server.address();
  }

  private void serve(Socket client, int ordinal) throws IOException {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] admitted = gate.admit(in, client);
      if (admitted == null) {
        return;
      }
      try (Socket to = server.track(new Socket(backend.getAddress(), backend.getPort()))) {
        to.getOutputStream().write(admitted);
        LoopbackSocketServer.daemon(
            "first-bytes-relay-upstream", () -> LoopbackSocketServer.pump(in, to));
        LoopbackSocketServer.pump(to.getInputStream(), client);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
