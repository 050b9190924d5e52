package io.tlsscan.samples.fleet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers the first bytes the client sends with a fixed reply and closes the connection. Behind a
 * TLS handler the reply is a tiny HTTP response (so curl and {@code openssl s_client} get an
 * answer); on a plain socket it is an HTTP 400 or a raw TLS alert record. {@link #thenStall} keeps
 * the connection open instead and drops whatever the client sends afterwards: a client that waits
 * for more than the reply waits until its own deadline.
 */
public final class AnswerOnceHandler extends ChannelInboundHandlerAdapter {
  private final byte[] reply;
  private final boolean close;
  private boolean answered;

  public AnswerOnceHandler(byte[] reply) {
    this(reply, true);
  }

  private AnswerOnceHandler(byte[] reply, boolean close) {
    this.reply = reply.clone();
    this.close = close;
  }

  /** Answers once, then says nothing more and leaves the connection open. */
  public static AnswerOnceHandler thenStall(byte[] reply) {
    return new AnswerOnceHandler(reply, false);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    if (!answered) {
      answered = true;
      ChannelFuture written = ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
      if (close) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    }
  }
}
