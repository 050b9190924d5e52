package io.tlsscan.samples.fleet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;

/**
 * Accepts the connection, then resets it when the first bytes arrive: with {@code SO_LINGER} 0 a
 * close sends a TCP RST instead of a FIN, so the client sees "connection reset by peer".
 */
final class ResetHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    ctx.close();
  }
}
