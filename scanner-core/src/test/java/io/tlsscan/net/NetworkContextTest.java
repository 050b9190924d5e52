package io.tlsscan.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.Epoll;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class NetworkContextTest {
  @Test
  void linuxGetsTheEpollTransportAndItConnects() throws Exception {
    assumeTrue(Epoll.isAvailable(), "the epoll native library is built for Linux x86-64");
    NetworkContext.chooseTransport();

    try (NetworkContext context = NetworkContext.create(1);
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ChannelFuture connect =
          new Bootstrap()
              .group(context.group())
              .channel(context.socketChannelType())
              .handler(new ChannelInboundHandlerAdapter())
              .connect(new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort()));

      assertThat(context.transportName()).isEqualTo("epoll");
      assertThat(connect.awaitUninterruptibly().isSuccess()).isTrue();
      connect.channel().close().awaitUninterruptibly();
    }
  }
}
