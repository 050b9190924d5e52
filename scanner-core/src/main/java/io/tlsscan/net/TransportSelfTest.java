package io.tlsscan.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a transport really connects: a native transport can load and still fail at the first
 * connect when its native library and classes disagree.
 */
final class TransportSelfTest {
  private static final int TIMEOUT_MS = 2_000;

  private TransportSelfTest() {}

  static boolean connects(NetworkContext context) {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChannelFuture future =
          new Bootstrap()
              .group(context.group())
              .channel(context.socketChannelType())
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_MS)
              .handler(new QuietHandler())
              .connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()));
      boolean done = future.awaitUninterruptibly(TIMEOUT_MS);
      Channel channel = future.channel();
      channel.close().awaitUninterruptibly(TIMEOUT_MS);
      return done && future.isSuccess();
    } catch (IOException | LinkageError e) {
      return false;
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
