package io.tlsscan.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blocking TCP listener under the tests' server doubles and relays: it accepts on a loopback
 * address and a free port, and serves each connection on a daemon thread of its own. An {@link
 * IOException} from a connection ends that connection only (a client or backend that went away).
 * {@link #close()} closes the listener, every accepted socket and every socket {@linkplain
 * #track(Socket) tracked} with them.
 */
public final class LoopbackSocketServer implements AutoCloseable {
  /** Serves one accepted connection; {@code ordinal} counts connections from 0 in accept order. */
  @FunctionalInterface
  public interface Connection {
    void serve(Socket client, int ordinal) throws IOException;
  }

  /** Work on a socket that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface IoTask {
    void run() throws IOException;
  }

  private final ServerSocket listener;
  private final String name;
  private final Connection connection;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new ArrayList<>();
  private boolean closed;

  private LoopbackSocketServer(ServerSocket listener, String name, Connection connection) {
    this.listener = listener;
    this.name = name;
    this.connection = connection;
  }

  /** Listens on {@code loopback} (a 127.x.y.z address) and serves each connection. */
  public static LoopbackSocketServer start(String loopback, String name, Connection connection)
      throws IOException {
    LoopbackSocketServer server =
        new LoopbackSocketServer(
            new ServerSocket(0, 50, InetAddress.getByName(loopback)), name, connection);
    daemon(name + "-" + loopback, server::accept);
    return server;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) listener.getLocalSocketAddress();
  }

  /** How many connections were accepted. */
  public int connections() {
    return connections.get();
  }

  /**
   * Closes {@code socket} (a connection to a backend, say) when the server closes, or at once when
   * it has closed already.
   *
   * @throws IOException when the server has closed
   */
  public Socket track(Socket socket) throws IOException {
    synchronized (open) {
      if (!closed) {
        open.add(socket);
        return socket;
      }
    }
    socket.close();
    throw new IOException("the server is closed");
  }

  /** Runs {@code task} on a daemon thread; its {@link IOException} ends only that thread. */
  public static void daemon(String name, IoTask task) {
    Thread thread =
        new Thread(
            () -> {
              try {
                task.run();
              } catch (IOException e) {
                // one side went away: the other sees the close
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Copies {@code from} into {@code to} until its end, then shuts {@code to}'s output down. When
   * the copy fails (a side reset its connection, as tlsscan's probes do when they close), {@code
   * to} is closed instead: its peer learns of the end either way, and a backend that serves one
   * connection at a time (s_server) is not left waiting on a dead one.
   */
  public static void pump(InputStream from, Socket to) throws IOException {
    try {
      from.transferTo(to.getOutputStream());
    } catch (IOException e) {
      to.close();
      throw e;
    }
    to.shutdownOutput();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = track(listener.accept());
      } catch (IOException e) {
        return;
      }
      int ordinal = connections.getAndIncrement();
      daemon(name + "-connection", () -> connection.serve(client, ordinal));
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    synchronized (open) {
      closed = true;
      open.forEach(LoopbackSocketServer::closeQuietly);
    }
  }

  private static void closeQuietly(AutoCloseable socket) {
    try {
      socket.close();
    } catch (Exception e) {
      // closing anyway: the other sockets still get closed
    }
  }
}
