package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.SocketChannel;
import io.tlsscan.net.starttls.Preambles;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * Opens TCP connections on the shared event loop, each with its own connect timeout, a cap on the
 * bytes it may read, a place in the connection rate limits and its turn among its target's
 * connections, and guarantees each is closed when the work on it ends, fails or is cancelled.
 *
 * <p>A connection is closed with a reset (SO_LINGER 0), as the kernel already does when a probe
 * closes with the rest of the server's flight unread: no FIN exchange and no TIME_WAIT socket per
 * probe, which on a deep scan of one host (about 60 connections) would otherwise tie up local ports
 * for a minute, and less work for both ends. Every probe has read what it needs before it closes,
 * so nothing it waits for is lost; a reset drops bytes not yet sent, so a conversation whose last
 * step is a message to the server (a close_notify) sets the default linger back first.
 */
public final class Connector {
  private final NetworkContext network;
  private final int connectTimeoutMillis;
  private final long maxBytesPerConnection;
  private final ConnectionRateLimiter rateLimiter;

  /**
   * @param connectTimeout time allowed for the TCP handshake
   * @param maxBytesPerConnection bytes a connection may read before it is cut
   * @param rateLimiter spaces out new connections
   */
  public Connector(
      NetworkContext network,
      Duration connectTimeout,
      long maxBytesPerConnection,
      ConnectionRateLimiter rateLimiter) {
    this.network = requireNonNull(network, "network");
    requireNonNull(connectTimeout, "connectTimeout");
    if (maxBytesPerConnection < 1) {
      throw new IllegalArgumentException("maxBytesPerConnection must be positive");
    }
    this.connectTimeoutMillis =
        (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
    this.maxBytesPerConnection = maxBytesPerConnection;
    this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter");
  }

  /**
   * Connects to {@code endpoint} and runs {@code session} on the channel. The session is called
   * while the channel is being set up, before the connect completes, so the handlers it adds see
   * everything from the first byte; the TLS exchange starts on {@code channelActive}. For a
   * STARTTLS endpoint its preamble comes first in the pipeline and lets {@code channelActive}
   * through only once TLS may start, so every TLS client (the engine, a raw hello) works through it
   * unchanged. The result is the session's result, or the connect error; the channel is closed
   * afterwards, whatever happens.
   */
  public <T> Mono<T> withConnection(
      Endpoint endpoint, ConnectionTracker tracker, Function<Channel, Mono<T>> session) {
    Mono<T> connection = Mono.defer(() -> connect(endpoint, tracker, session));
    return tracker.inTurn(afterPermit(endpoint.address().getAddress(), tracker, connection));
  }

  /**
   * {@code connection} once the rate limits let it go; without a limit, {@code connection} itself,
   * because even an empty permit before it costs each connection a walk up the subscriber chain.
   */
  private <T> Mono<T> afterPermit(
      InetAddress address, ConnectionTracker tracker, Mono<T> connection) {
    if (!rateLimiter.limits()) {
      return connection;
    }
    Mono<Void> permit =
        tracker.takePrepaidPermit()
            ? rateLimiter.perIp(address)
            : rateLimiter.global().then(rateLimiter.perIp(address));
    return permit.then(connection);
  }

  /**
   * Opens the channel without a {@code Bootstrap}, which would copy its options and attributes into
   * a clone, set them through the generic option map and add and remove an initializer on every
   * connection. The steps are those of {@code Bootstrap}: register the channel on its event loop;
   * once it is registered add the handlers and start the session; then connect. A connection
   * cancelled meanwhile is closed and goes no further. The address must be resolved.
   */
  private <T> Mono<T> connect(
      Endpoint endpoint, ConnectionTracker tracker, Function<Channel, Mono<T>> session) {
    return Mono.create(
        sink -> {
          tracker.connecting();
          Disposable.Composite resources = Disposables.composite();
          sink.onDispose(resources);
          SocketChannel channel;
          try {
            channel = network.newSocketChannel(endpoint.address().getAddress());
          } catch (ChannelException e) {
            sink.error(e);
            return;
          }
          try {
            channel.config().setConnectTimeoutMillis(connectTimeoutMillis).setSoLinger(0);
          } catch (ChannelException e) {
            channel.unsafe().closeForcibly();
            sink.error(e);
            return;
          }
          // Registration gives the channel its event loop, which close() needs: the close is added
          // after it, so a cancel at any point from here on closes the channel on its loop.
          ChannelFuture registration = network.group().register(channel);
          resources.add(channel::close);
          registration.addListener(
              registered -> {
                if (!registered.isSuccess()) {
                  channel.unsafe().closeForcibly();
                  sink.error(registered.cause());
                  return;
                }
                if (resources.isDisposed()) {
                  return;
                }
                try {
                  channel.pipeline().addLast(new ReadLimitHandler(maxBytesPerConnection));
                  if (endpoint.starttls() != null) {
                    channel.pipeline().addLast(Preambles.handler(endpoint));
                  }
                  // One signal to the sink: a success() after success(value) would drop the
                  // value when it came before the downstream's request (MonoSink semantics).
                  resources.add(
                      session
                          .apply(channel)
                          .singleOptional()
                          .subscribe(
                              result -> result.ifPresentOrElse(sink::success, sink::success),
                              sink::error));
                } catch (Throwable e) {
                  Exceptions.throwIfJvmFatal(e);
                  sink.error(e);
                  return;
                }
                if (resources.isDisposed()) {
                  return;
                }
                channel
                    .connect(endpoint.address())
                    .addListener(
                        done -> {
                          if (done.isSuccess()) {
                            tracker.connected();
                          } else {
                            sink.error(done.cause());
                          }
                        });
              });
        });
  }
}
