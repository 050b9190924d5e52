package io.tlsscan.samples.hostile;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Sits between a real TLS server's {@code SslHandler} and the socket, lets the first bytes of the
 * server's flight through, drops the rest, and a moment later resets the connection (TCP RST, via
 * {@code SO_LINGER} 0): the client sees a handshake that started and then broke off. One instance
 * per channel.
 */
final class MidFlightResetHandler extends ChannelOutboundHandlerAdapter {
  /** Time for the bytes let through to reach the client before the reset. */
  private static final long RESET_DELAY_MS = 50;

  private int bytesToPass;
  private boolean resetScheduled;

  MidFlightResetHandler(int bytesToPass) {
    this.bytesToPass = bytesToPass;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf data) || bytesToPass == 0) {
      ReferenceCountUtil.release(msg);
      promise.trySuccess();
      return;
    }
    if (data.readableBytes() <= bytesToPass) {
      bytesToPass -= data.readableBytes();
      ctx.write(data, promise);
    } else {
      ByteBuf head = data.readRetainedSlice(bytesToPass);
      data.release();
      bytesToPass = 0;
      ctx.write(head, promise);
    }
    if (bytesToPass == 0 && !resetScheduled) {
      resetScheduled = true;
      ctx.executor().schedule(() -> reset(ctx), RESET_DELAY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private static void reset(ChannelHandlerContext ctx) {
    ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    ctx.close();
  }
}
