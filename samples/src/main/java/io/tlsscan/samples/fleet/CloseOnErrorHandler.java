package io.tlsscan.samples.fleet;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Last handler of every demo connection: a failed handshake or a reset is what the demo servers are
 * for, so it closes the connection quietly instead of logging a warning.
 */
@Sharable
public final class CloseOnErrorHandler extends ChannelInboundHandlerAdapter {
  public static final CloseOnErrorHandler INSTANCE = new CloseOnErrorHandler();

  private CloseOnErrorHandler() {}

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
