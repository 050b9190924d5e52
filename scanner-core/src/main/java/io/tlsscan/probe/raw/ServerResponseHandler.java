package io.tlsscan.probe.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ServerResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.MonoSink;

/**
 * Sends the hello once the connection is up and hands the decoder's one {@link ServerResponse} to
 * the probe. Errors, a close before any answer and silence for {@code answerTimeout} after the
 * hello ({@link NoAnswerException}) fail the probe. One instance per channel.
 */
final class ServerResponseHandler extends ChannelInboundHandlerAdapter {
  private final MonoSink<ServerResponse> sink;
  private final ClientHello hello;
  private final Duration answerTimeout;
  private ScheduledFuture<?> answerTimer;
  private boolean done;

  ServerResponseHandler(MonoSink<ServerResponse> sink, ClientHello hello, Duration answerTimeout) {
    this.sink = sink;
    this.hello = hello;
    this.answerTimeout = answerTimeout;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(hello.toByteBuf());
    answerTimer =
        ctx.executor()
            .schedule(
                () -> fail(ctx, new NoAnswerException(answerTimeout)),
                answerTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ServerResponse response) {
      if (!done) {
        done = true;
        cancelTimer();
        sink.success(response);
      }
      ctx.close();
      return;
    }
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!done) {
      done = true;
      cancelTimer();
      sink.error(new ClosedChannelException());
    }
    ctx.fireChannelInactive();
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      done = true;
      cancelTimer();
      sink.error(cause);
    }
    ctx.close();
  }

  private void cancelTimer() {
    if (answerTimer != null) {
      answerTimer.cancel(false);
    }
  }
}
