package io.tlsscan.samples.fleet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers the first bytes the client sends with a fixed reply and closes the connection. Behind a
 * TLS handler the reply is a tiny HTTP response (so curl and {@code openssl s_client} get an
 * answer); on a plain socket it is an HTTP 400 or a raw TLS alert record.
 */
public final class AnswerOnceHandler extends ChannelInboundHandlerAdapter {
  private final byte[] reply;
  private boolean answered;

  public AnswerOnceHandler(byte[] reply) {
    this.reply = reply.clone();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    if (!answered) {
      answered = true;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
