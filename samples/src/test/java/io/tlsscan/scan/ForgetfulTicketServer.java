package io.tlsscan.scan;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.OpenSslSessionTicketKey;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.samples.pki.TestChain;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * A TLS 1.2 server (BoringSSL through Netty) that issues session tickets but never resumes from
 * one: each new connection gets fresh ticket keys, as a fleet whose nodes do not share keys would
 * behave. No session cache either, so it resumes nothing.
 */
final class ForgetfulTicketServer implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel listener;

  ForgetfulTicketServer(TestChain chain, String host) throws Exception {
    SslContext context =
        SslContextBuilder.forServer(
                chain.leaf().key(), chain.leaf().certificate(), chain.intermediate().certificate())
            .sslProvider(SslProvider.OPENSSL)
            .protocols("TLSv1.2")
            .build();
    OpenSslServerSessionContext sessions = (OpenSslServerSessionContext) context.sessionContext();
    sessions.setSessionCacheEnabled(false);
    listener =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    sessions.setTicketKeys(freshKey());
                    channel.pipeline().addLast(context.newHandler(channel.alloc()));
                    channel.pipeline().addLast(new Discard());
                  }
                })
            .bind(host, 0)
            .sync()
            .channel();
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  private static OpenSslSessionTicketKey freshKey() {
    byte[] name = new byte[16];
    byte[] hmac = new byte[16];
    byte[] aes = new byte[16];
    RANDOM.nextBytes(name);
    RANDOM.nextBytes(hmac);
    RANDOM.nextBytes(aes);
    return new OpenSslSessionTicketKey(name, hmac, aes);
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Drops what the client sends after the handshake. */
  private static final class Discard extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }
  }
}
