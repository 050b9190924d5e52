package io.tlsscan.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback TCP relay in front of a real TLS server that behaves like servers which cannot parse
 * an SSLv2 CLIENT-HELLO and wait for more bytes: a connection whose first byte has the high bit set
 * (an SSLv2 record header) gets no answer and stays open until the client gives up; every other
 * connection is relayed to the server byte for byte.
 */
final class SilentOnSslv2Relay implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  private SilentOnSslv2Relay(ServerSocket listener, InetSocketAddress backend) {
    this.listener = listener;
    this.backend = backend;
  }

  /** Listens on {@code host}, a free port, and relays to {@code backend}. */
  static SilentOnSslv2Relay start(String host, InetSocketAddress backend) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName(host));
      SilentOnSslv2Relay relay = new SilentOnSslv2Relay(listener, backend);
      relay.threads.execute(relay::acceptLoop);
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
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
      try (Socket server = new Socket(backend.getAddress(), backend.getPort())) {
        threads.execute(() -> pump(in, server));
        pump(server.getInputStream(), client);
      }
    } catch (IOException e) {
      // The client or the server went away: nothing left to relay.
    }
  }

  private static void pump(InputStream from, Socket to) {
    try {
      from.transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // One side closed; the other pump ends on its own.
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    threads.shutdownNow();
  }
}
