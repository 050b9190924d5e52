package io.tlsscan.net;

import io.netty.util.concurrent.Future;
import reactor.core.publisher.Mono;

/** Bridges Netty futures into Reactor. */
final class NettyMono {
  private NettyMono() {}

  /**
   * A Mono that completes with the future's value or error. Cancelling the Mono cancels the future.
   */
  static <T> Mono<T> from(Future<T> future) {
    return Mono.create(
        sink -> {
          future.addListener(
              f -> {
                if (f.isSuccess()) {
                  sink.success(future.getNow());
                } else {
                  sink.error(f.cause());
                }
              });
          sink.onCancel(() -> future.cancel(false));
        });
  }
}
