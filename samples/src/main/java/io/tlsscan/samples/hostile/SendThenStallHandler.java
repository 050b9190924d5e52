package io.tlsscan.samples.hostile;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers the client's first bytes with a fixed reply, then says nothing more and keeps the
 * connection open: whatever the client sends afterwards is read and dropped. A client that waits
 * for more than the reply waits until its own deadline.
 */
final class SendThenStallHandler extends ChannelInboundHandlerAdapter {
  private final byte[] reply;
  private boolean answered;

  SendThenStallHandler(byte[] reply) {
    this.reply = reply.clone();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    if (!answered) {
      answered = true;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
    }
  }
}
