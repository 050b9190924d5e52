package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Opens TCP connections on the shared event loop, each with its own connect timeout and a cap on
 * the bytes it may read, and guarantees they are closed when the work on them ends, fails or is
 * cancelled.
 */
public final class Connector {
  private final NetworkContext network;
  private final Duration connectTimeout;
  private final long maxBytesPerConnection;

  /**
   * @param connectTimeout time allowed for the TCP handshake
   * @param maxBytesPerConnection bytes a connection may read before it is cut
   */
  public Connector(NetworkContext network, Duration connectTimeout, long maxBytesPerConnection) {
    this.network = requireNonNull(network, "network");
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout");
    if (maxBytesPerConnection < 1) {
      throw new IllegalArgumentException("maxBytesPerConnection must be positive");
    }
    this.maxBytesPerConnection = maxBytesPerConnection;
  }

  /**
   * Connects to {@code address}, lets {@code initializer} build the pipeline (after the read
   * limit), runs {@code work} on the connected channel and closes the channel afterwards, whatever
   * happens.
   */
  public <T> Mono<T> withConnection(
      InetSocketAddress address,
      Consumer<Channel> initializer,
      Function<Channel, Mono<T>> work) {
    return Mono.usingWhen(
        connect(address, initializer), work, Connector::close, (ch, error) -> close(ch), Connector::close);
  }

  private Mono<Channel> connect(InetSocketAddress address, Consumer<Channel> initializer) {
    return Mono.create(
        sink -> {
          ChannelFuture future =
              new Bootstrap()
                  .group(network.group())
                  .channel(network.socketChannelType())
                  .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()))
                  .option(ChannelOption.TCP_NODELAY, true)
                  .option(ChannelOption.AUTO_CLOSE, true)
                  .handler(
                      new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                          ch.pipeline().addLast(new ReadLimitHandler(maxBytesPerConnection));
                          initializer.accept(ch);
                        }
                      })
                  .connect(address);
          sink.onCancel(() -> future.channel().close());
          future.addListener(
              f -> {
                if (f.isSuccess()) {
                  sink.success(future.channel());
                } else {
                  future.channel().close();
                  sink.error(f.cause());
                }
              });
        });
  }

  private static Mono<Void> close(Channel channel) {
    return Mono.fromRunnable(channel::close);
  }
}
