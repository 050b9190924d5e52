package io.tlsscan.probe.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientConversation;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.MonoSink;

/**
 * Carries a {@link ClientConversation} over a channel: sends the hello when the connection is up,
 * feeds it what the server sends and writes its replies, until it has an outcome (the reply that
 * comes with the outcome is written before the close, which then is a FIN, not a reset). Silence
 * for {@code answerTimeout} after a write ends it with the conversation's {@link
 * ClientConversation#silent} outcome, else fails it with {@link NoAnswerException}. One instance
 * per channel.
 *
 * @param <T> the conversation's outcome
 */
public final class ClientConversationHandler<T> extends ChannelInboundHandlerAdapter {
  private final MonoSink<T> sink;
  private final ClientConversation<T> exchange;
  private final Duration answerTimeout;
  private ScheduledFuture<?> answerTimer;
  private boolean done;

  public ClientConversationHandler(
      MonoSink<T> sink, ClientConversation<T> exchange, Duration answerTimeout) {
    this.sink = sink;
    this.exchange = exchange;
    this.answerTimeout = answerTimeout;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    send(ctx, exchange.hello().bytes());
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!done && msg instanceof ByteBuf data) {
        byte[] reply = exchange.receive(data);
        if (exchange.outcome().isPresent()) {
          if (reply.length > 0) {
            // The last reply (a close_notify) must reach the server, so this connection ends with
            // a FIN after it instead of the reset that drops unsent bytes (see Connector).
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, -1);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
          }
          end(ctx, exchange.outcome().get());
        } else if (reply.length > 0) {
          send(ctx, reply);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      done = true;
      cancelTimer();
      sink.error(cause);
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    end(ctx, exchange.closed());
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimer();
    exchange.release();
  }

  private void send(ChannelHandlerContext ctx, byte[] bytes) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    cancelTimer();
    answerTimer =
        ctx.executor()
            .schedule(
                () -> {
                  if (exchange.silent().isPresent()) {
                    end(ctx, exchange.silent().get());
                  } else {
                    exceptionCaught(ctx, new NoAnswerException(answerTimeout));
                  }
                },
                answerTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void end(ChannelHandlerContext ctx, T outcome) {
    if (!done) {
      done = true;
      cancelTimer();
      sink.success(outcome);
    }
    ctx.close();
  }

  private void cancelTimer() {
    if (answerTimer != null) {
      answerTimer.cancel(false);
    }
  }
}
