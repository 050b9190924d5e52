package io.tlsscan.samples.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Plays a {@link StarttlsScript} on one accepted connection and then puts a server {@code
 * SslHandler} in its place, handing it the bytes that followed the trigger. One per connection.
 */
public final class StarttlsServerHandler extends ChannelInboundHandlerAdapter {
  private static final int MAX_BUFFERED = 64 * 1024;

  private final StarttlsScript script;
  private final SslContext tls;
  private final StringBuilder received = new StringBuilder();

  public StarttlsServerHandler(StarttlsScript script, SslContext tls) {
    this.script = script;
    this.tls = tls;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    send(ctx, script.greeting(), null);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf bytes = (ByteBuf) msg;
    try {
      received.append(bytes.toString(StandardCharsets.ISO_8859_1));
    } finally {
      bytes.release();
    }
    if (received.length() > MAX_BUFFERED) {
      ctx.close();
      return;
    }
    for (StarttlsScript.Rule rule : script.rules()) {
      int at = received.indexOf(rule.trigger());
      if (at >= 0) {
        String after = received.substring(at + rule.trigger().length());
        received.setLength(0);
        if (rule.startTls()) {
          send(ctx, rule.reply(), () -> startTls(ctx, after));
          return;
        }
        received.append(after);
        send(ctx, rule.reply(), null);
        return;
      }
    }
  }

  private void startTls(ChannelHandlerContext ctx, String after) {
    ctx.pipeline().addAfter(ctx.name(), "tls", tls.newHandler(ctx.alloc()));
    if (!after.isEmpty()) {
      ctx.fireChannelRead(Unpooled.copiedBuffer(after, StandardCharsets.ISO_8859_1));
    }
    ctx.pipeline().remove(this);
  }

  /** Sends {@code text} at once or a byte per pause; runs {@code then} once it is all written. */
  private void send(ChannelHandlerContext ctx, String text, Runnable then) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (script.pause().isZero() || bytes.length == 0) {
      if (bytes.length > 0) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
      }
      if (then != null) {
        then.run();
      }
      return;
    }
    drip(ctx, bytes, 0, then);
  }

  private void drip(ChannelHandlerContext ctx, byte[] bytes, int index, Runnable then) {
    if (index == bytes.length) {
      if (then != null) {
        then.run();
      }
      return;
    }
    ctx.executor()
        .schedule(
            () -> {
              if (ctx.channel().isActive()) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes, index, 1));
                drip(ctx, bytes, index + 1, then);
              }
            },
            script.pause().toMillis(),
            TimeUnit.MILLISECONDS);
  }
}
