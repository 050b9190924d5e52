package io.tlsscan.scan;

import io.tlsscan.testing.LoopbackSocketServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback TCP relay in front of a real TLS server that behaves like servers which cannot parse
 * an SSLv2 CLIENT-HELLO and wait for more bytes: a connection whose first byte has the high bit set
 * (an SSLv2 record header) gets no answer and stays open until the client gives up; every other
 * connection is relayed to the server byte for byte.
 */
final class SilentOnSslv2Relay implements AutoCloseable {
  private final InetSocketAddress backend;
  private final LoopbackSocketServer server;

  private SilentOnSslv2Relay(String host, InetSocketAddress backend) throws IOException {
    this.backend = backend;
    this.server = LoopbackSocketServer.start(host, "silent-on-sslv2", this::serve);
  }

  /** Listens on {@code host}, a free port, and relays to {@code backend}. */
  static SilentOnSslv2Relay start(String host, InetSocketAddress backend) {
    try {
      return new SilentOnSslv2Relay(host, backend);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return server.address();
  }

  private void serve(Socket client, int ordinal) throws IOException {
    try (client) {
      PushbackInputStream in = new PushbackInputStream(client.getInputStream(), 1);
      int first = in.read();
      if (first < 0) {
        return;
      }
      if ((first & 0x80) != 0) {
        // Say nothing; wait until the client closes.
        in.transferTo(OutputStream.nullOutputStream());
        return;
      }
      in.unread(first);
      try (Socket to = server.track(new Socket(backend.getAddress(), backend.getPort()))) {
        LoopbackSocketServer.daemon(
            "silent-on-sslv2-upstream", () -> LoopbackSocketServer.pump(in, to));
        LoopbackSocketServer.pump(to.getInputStream(), client);
      }
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
