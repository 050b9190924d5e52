package io.tlsscan.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Cuts a connection that has read more than its byte budget, so a server that streams without end
 * cannot make the scanner buffer or parse without end. First handler of every pipeline; one
 * instance per channel.
 */
final class ReadLimitHandler extends ChannelInboundHandlerAdapter {
  private final long maxBytes;
  private long bytesRead;

  ReadLimitHandler(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf) {
      bytesRead += buf.readableBytes();
      if (bytesRead > maxBytes) {
        ReferenceCountUtil.release(msg);
        ctx.fireExceptionCaught(new ReadLimitExceededException(maxBytes));
        ctx.close();
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }
}
