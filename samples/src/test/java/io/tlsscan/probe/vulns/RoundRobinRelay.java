package io.tlsscan.probe.vulns;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on a loopback address that hands each new connection to the next of its backends in
 * turn, as a load balancer in front of a pool of servers does. Bytes pass unchanged both ways.
 * {@link #close()} ends every connection.
 */
final class RoundRobinRelay implements AutoCloseable {
  private final ServerSocket socket;
  private final List<InetSocketAddress> backends;
  private final List<Socket> open = new ArrayList<>();
  private int next;

  RoundRobinRelay(String loopback, List<InetSocketAddress> backends) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getByName(loopback));
    this.backends = List.copyOf(backends);
    Thread acceptor = new Thread(this::accept, "round-robin-relay-" + loopback);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        InetSocketAddress backend = backends.get(next++ % backends.size());
        Socket server = new Socket(backend.getAddress(), backend.getPort());
        synchronized (open) {
          open.add(client);
          open.add(server);
        }
        start(() -> pump(client.getInputStream(), server));
        start(() -> pump(server.getInputStream(), client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void start(IoTask task) {
    Thread pump =
        new Thread(
            () -> {
              try {
                task.run();
              } catch (IOException e) {
                // one side went away: the other sees the close
              }
            },
            "round-robin-relay-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private static void pump(InputStream from, Socket to) throws IOException {
    from.transferTo(to.getOutputStream());
    to.shutdownOutput();
  }

  private interface IoTask {
    void run() throws IOException;
  }
}
