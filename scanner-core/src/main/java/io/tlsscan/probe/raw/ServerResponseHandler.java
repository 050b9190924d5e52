package io.tlsscan.probe.raw;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ServerResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import reactor.core.publisher.MonoSink;

/**
 * Sends the hello once the connection is up and hands the decoder's one {@link ServerResponse} to
 * the probe. Errors, a close before any answer and silence for {@code answerTimeout} after the
 * hello ({@link NoAnswerException}) fail the probe. One instance per channel.
 */
final class ServerResponseHandler extends HelloHandler {
  private final MonoSink<ServerResponse> sink;
  private boolean done;

  ServerResponseHandler(MonoSink<ServerResponse> sink, ClientHello hello, Duration answerTimeout) {
    super(hello, answerTimeout);
    this.sink = sink;
  }

  @Override
  void onSilence(ChannelHandlerContext ctx, NoAnswerException silence) {
    fail(ctx, silence);
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
}
