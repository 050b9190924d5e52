package io.tlsscan.probe.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay on a loopback address in front of one server, for one client at a time, that drops
 * chosen datagrams of the client (counted from 1): a lossy network, to see retransmission work.
 */
final class LossyUdpRelay implements AutoCloseable {
  private final DatagramSocket front;
  private final DatagramSocket back;
  private final Set<Integer> dropped;
  private final AtomicInteger fromClient = new AtomicInteger();
  private volatile SocketAddress client;

  /**
   * @param host the loopback address to listen on
   * @param server where to forward
   * @param dropped which of the client's datagrams to drop, e.g. {@code Set.of(1, 3)}
   */
  LossyUdpRelay(String host, InetSocketAddress server, Set<Integer> dropped) throws IOException {
    this.front = new DatagramSocket(0, InetAddress.getByName(host));
    this.back = new DatagramSocket(0, InetAddress.getByName(host));
    this.back.connect(server);
    this.dropped = Set.copyOf(dropped);
    daemon(this::clientToServer);
    daemon(this::serverToClient);
  }

  private static void daemon(Runnable loop) {
    Thread thread = new Thread(loop, "lossy-udp-relay");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) front.getLocalSocketAddress();
  }

  /** How many datagrams the client sent so far, dropped ones included. */
  int clientDatagrams() {
    return fromClient.get();
  }

  private void clientToServer() {
    byte[] buffer = new byte[65_535];
    while (!front.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        front.receive(packet);
        client = packet.getSocketAddress();
        if (!dropped.contains(fromClient.incrementAndGet())) {
          back.send(new DatagramPacket(packet.getData(), packet.getLength()));
        }
      } catch (IOException e) {
        // closed, or the server's port is gone: the relay ends or goes on with the next datagram
      }
    }
  }

  private void serverToClient() {
    byte[] buffer = new byte[65_535];
    while (!back.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        back.receive(packet);
        front.send(new DatagramPacket(packet.getData(), packet.getLength(), client));
      } catch (IOException e) {
        // closed, or an ICMP error from the server's side: go on with the next datagram
      }
    }
  }

  @Override
  public void close() {
    front.close();
    back.close();
  }
}
