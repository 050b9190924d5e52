package io.tlsscan.probe.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.cert.Names;
import io.tlsscan.model.HttpReport;
import io.tlsscan.net.BadResponseException;
import io.tlsscan.probe.raw.NoAnswerException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.MonoSink;

/**
 * Last handler of the HTTP probe's pipeline: sends the request once the TLS handshake completed,
 * turns the first final response head into exactly one {@link HttpReport} (skipping interim 1xx
 * answers) and closes the connection without reading the body. A head the decoder rejected (too
 * long, not HTTP) fails with a {@link BadResponseException} saying why. One instance per channel;
 * runs on its event loop.
 */
final class ResponseHeadHandler extends ChannelInboundHandlerAdapter {
  private final MonoSink<HttpReport> sink;
  private final String host;
  private final Duration answerTimeout;
  private ScheduledFuture<?> answerTimer;
  private boolean done;

  /**
   * @param host the {@code Host} header's value
   * @param answerTimeout how long the response head may take after the request
   */
  ResponseHeadHandler(MonoSink<HttpReport> sink, String host, Duration answerTimeout) {
    this.sink = sink;
    this.host = host;
    this.answerTimeout = answerTimeout;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent completion) {
      if (completion.isSuccess()) {
        ctx.writeAndFlush(request());
        answerTimer =
            ctx.executor()
                .schedule(
                    () -> fail(ctx, new NoAnswerException("HTTP request", answerTimeout)),
                    answerTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
      } else {
        fail(ctx, completion.cause());
      }
    }
    ctx.fireUserEventTriggered(event);
  }

  private FullHttpRequest request() {
    FullHttpRequest request =
        new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", Unpooled.EMPTY_BUFFER);
    request
        .headers()
        .set(HttpHeaderNames.HOST, host)
        .set(HttpHeaderNames.USER_AGENT, "tlsscan")
        .set(HttpHeaderNames.ACCEPT, "*/*")
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return request;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!done && msg instanceof HttpResponse response) {
        head(ctx, response);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void head(ChannelHandlerContext ctx, HttpResponse response) {
    DecoderResult result = response.decoderResult();
    if (result.isFailure()) {
      fail(ctx, new BadResponseException(rejected(result.cause())));
      return;
    }
    int status = response.status().code();
    if (status < 100 || status > 999) {
      fail(ctx, new BadResponseException("status code " + status + " is not an HTTP status"));
      return;
    }
    if (status < 200 && status != 101) {
      return; // an interim answer: the final one follows
    }
    done = true;
    sink.success(HttpReports.of(response));
    ctx.close();
  }

  private static String rejected(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return "response headers exceed " + HttpProbe.MAX_HEAD_BYTES + " bytes";
    }
    if (cause instanceof TooLongHttpLineException) {
      return "response status line exceeds " + HttpProbe.MAX_STATUS_LINE_BYTES + " bytes";
    }
    return "not an HTTP/1.x response: " + Names.shorten(String.valueOf(cause.getMessage()));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new ClosedChannelException());
    ctx.fireChannelInactive();
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    if (!done) {
      done = true;
      sink.error(cause);
    }
    ctx.close();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (answerTimer != null) {
      answerTimer.cancel(false);
    }
  }
}
