package io.tlsscan.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one shared Netty event loop group of a scan and the channel types that go with it: epoll when
 * it works on this machine (checked by a real loopback connect, not only by {@code
 * Epoll.isAvailable()}), NIO otherwise.
 *
 * <p>Threads default to the number of cores. Closing it shuts the event loops down.
 */
public final class NetworkContext implements AutoCloseable {
  private final EventLoopGroup group;
  private final Class<? extends SocketChannel> socketChannelType;
  private final Function<InetAddress, SocketChannel> socketChannels;
  private final Class<? extends DatagramChannel> datagramChannelType;
  private final String transportName;

  private NetworkContext(
      EventLoopGroup group,
      Class<? extends SocketChannel> socketChannelType,
      Function<InetAddress, SocketChannel> socketChannels,
      Class<? extends DatagramChannel> datagramChannelType,
      String transportName) {
    this.group = group;
    this.socketChannelType = socketChannelType;
    this.socketChannels = socketChannels;
    this.datagramChannelType = datagramChannelType;
    this.transportName = transportName;
  }

  /** A context with one event-loop thread per core. */
  public static NetworkContext create() {
    return create(Runtime.getRuntime().availableProcessors());
  }

  /** A context with the given number of event-loop threads. */
  public static NetworkContext create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (TransportSelfTest.epollWorks()) {
      return build(
          threads,
          EpollIoHandler.newFactory(),
          EpollSocketChannel.class,
          address ->
              address instanceof Inet4Address
                  ? new EpollSocketChannel(SocketProtocolFamily.INET)
                  : new EpollSocketChannel(),
          EpollDatagramChannel.class,
          "epoll");
    }
    return build(
        threads,
        NioIoHandler.newFactory(),
        NioSocketChannel.class,
        address -> new NioSocketChannel(),
        NioDatagramChannel.class,
        "nio");
  }

  /**
   * Chooses the transport now, on the calling thread (the epoll check takes a loopback connect), so
   * that a {@link #create} later does not wait for it. A command line calls this on a background
   * thread while it parses its arguments.
   */
  public static void chooseTransport() {
    TransportSelfTest.epollWorks();
  }

  private static NetworkContext build(
      int threads,
      IoHandlerFactory factory,
      Class<? extends SocketChannel> socketType,
      Function<InetAddress, SocketChannel> socketChannels,
      Class<? extends DatagramChannel> datagramType,
      String name) {
    var group =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory("tlsscan-io", true), factory);
    return new NetworkContext(group, socketType, socketChannels, datagramType, name);
  }

  public EventLoopGroup group() {
    return group;
  }

  public Class<? extends SocketChannel> socketChannelType() {
    return socketChannelType;
  }

  /**
   * A new, unregistered TCP channel of this transport for connecting to {@code address}, with
   * Netty's defaults (TCP_NODELAY on): with epoll, an IPv4 socket for an IPv4 address, which spares
   * the dual-stack socket's option call.
   */
  public SocketChannel newSocketChannel(InetAddress address) {
    return socketChannels.apply(address);
  }

  public Class<? extends DatagramChannel> datagramChannelType() {
    return datagramChannelType;
  }

  /** {@code epoll} or {@code nio}. */
  public String transportName() {
    return transportName;
  }

  /** Shuts the event loops down and waits up to a few seconds for them to end. */
  @Override
  public void close() {
    group
        .shutdownGracefully(0, 2, TimeUnit.SECONDS)
        .awaitUninterruptibly(Duration.ofSeconds(5).toMillis());
  }
}
