package io.tlsscan.samples.starttls;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * An in-process STARTTLS server on a loopback address: speaks a {@link StarttlsScript}, then TLS
 * with the given context. For tests; close it to stop it.
 */
public final class StarttlsServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel listener;

  private StarttlsServer(EventLoopGroup group, Channel listener) {
    this.group = group;
    this.listener = listener;
  }

  /** Starts a server on {@code address} (port 0: any free port). */
  public static StarttlsServer start(
      InetSocketAddress address, StarttlsScript script, SslContext tls) {
    requireNonNull(script, "script");
    requireNonNull(tls, "tls");
    return listen(
        address, channel -> channel.pipeline().addLast(new StarttlsServerHandler(script, tls)));
  }

  /** Starts a server that speaks TLS from the first byte with the same context, to compare. */
  public static StarttlsServer plainTls(InetSocketAddress address, SslContext tls) {
    requireNonNull(tls, "tls");
    return listen(address, channel -> channel.pipeline().addLast(tls.newHandler(channel.alloc())));
  }

  private static StarttlsServer listen(InetSocketAddress address, Consumer<Channel> setup) {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel listener =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                      setup.accept(channel);
                    }
                  })
              .bind(address)
              .syncUninterruptibly()
              .channel();
      return new StarttlsServer(group, listener);
    } catch (RuntimeException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  /** Where the server listens. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
