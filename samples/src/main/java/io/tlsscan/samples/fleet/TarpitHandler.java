package io.tlsscan.samples.fleet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Accepts the connection and never says anything: it stops reading, so the client's bytes stay in
 * the kernel's buffers and the socket stays open until the connection's lifetime ends.
 */
public final class TarpitHandler extends ChannelInboundHandlerAdapter {
  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.channel().config().setAutoRead(false);
    ctx.fireChannelActive();
  }
}
