package io.tlsscan.samples.fleet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Speaks first, like an SSH server: sends a banner as soon as the connection is accepted, then
 * closes the connection when the client sends anything (which cannot be a valid reply).
 */
final class BannerHandler extends ChannelInboundHandlerAdapter {
  private final byte[] banner;

  BannerHandler(byte[] banner) {
    this.banner = banner.clone();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(banner));
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    ctx.close();
  }
}
