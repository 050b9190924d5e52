package io.tlsscan.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Whether the epoll transport works in this process: a native transport can load and still fail at
 * the first connect when its native library and classes disagree, so it is tried once with a real
 * loopback connect. The answer is computed once per process, by the first thread that asks; others
 * wait for it.
 */
final class TransportSelfTest {
  private static final int TIMEOUT_MS = 2_000;

  private TransportSelfTest() {}

  static boolean epollWorks() {
    return EpollAnswer.WORKS;
  }

  /** Holds the answer; class initialisation makes it once-only and thread-safe. */
  private static final class EpollAnswer {
    static final boolean WORKS = Epoll.isAvailable() && epollConnects();
  }

  private static boolean epollConnects() {
    EventLoopGroup group;
    try {
      group =
          new MultiThreadIoEventLoopGroup(
              1, new DefaultThreadFactory("tlsscan-selftest", true), EpollIoHandler.newFactory());
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChannelFuture future =
          new Bootstrap()
              .group(group)
              .channel(EpollSocketChannel.class)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_MS)
              .handler(new QuietHandler())
              .connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()));
      boolean done = future.awaitUninterruptibly(TIMEOUT_MS);
      Channel channel = future.channel();
      channel.close().awaitUninterruptibly(TIMEOUT_MS);
      return done && future.isSuccess();
    } catch (IOException | LinkageError | RuntimeException e) {
      return false;
    } finally {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }
  }

  /** Swallows what the throw-away connection sees when the listener goes away. */
  private static final class QuietHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
