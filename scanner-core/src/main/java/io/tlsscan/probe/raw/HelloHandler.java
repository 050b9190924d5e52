package io.tlsscan.probe.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.tlsscan.tls.ClientHello;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A handler that sends a hello once the connection is up and waits for the server: silence for
 * {@code answerTimeout} after the hello calls {@link #onSilence} with a {@link NoAnswerException}.
 * Subclasses read the answer, and may wait again with {@link #startTimer}. One instance per
 * channel.
 */
abstract class HelloHandler extends ChannelInboundHandlerAdapter {
  private final ClientHello hello;
  private final Duration answerTimeout;
  private ScheduledFuture<?> timer;

  HelloHandler(ClientHello hello, Duration answerTimeout) {
    this.hello = hello;
    this.answerTimeout = answerTimeout;
  }

  /** The server said nothing in time. */
  abstract void onSilence(ChannelHandlerContext ctx, NoAnswerException silence);

  @Override
  public final void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(hello.toByteBuf());
    startTimer(ctx, answerTimeout, () -> onSilence(ctx, new NoAnswerException(answerTimeout)));
    ctx.fireChannelActive();
  }

  /** Runs {@code task} on the channel's event loop after {@code delay}, unless cancelled first. */
  final void startTimer(ChannelHandlerContext ctx, Duration delay, Runnable task) {
    timer = ctx.executor().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Cancels the timer last started, if any. */
  final void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
    }
  }
}
