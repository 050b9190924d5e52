package io.tlsscan.samples.fleet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one byte a second, for as long as the connection lives, of what looks like the start of a
 * TLS ServerHello in a maximum-size record: a client that waits for the whole record waits hours.
 * What the client sends is read and dropped.
 */
public final class DripHandler extends ChannelInboundHandlerAdapter {
  /**
   * Record header (handshake, TLS 1.2, length 2^14, the RFC 8446 §5.1 maximum), handshake header
   * (ServerHello, length 2^14 - 4), legacy_version 0x0303; zero bytes of "random" follow.
   */
  private static final byte[] PREFIX = {
    0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x3f, (byte) 0xfc, 0x03, 0x03
  };

  private long sent;
  private ScheduledFuture<?> dripping;

  /** The byte sent at position {@code index} of the stream. */
  static byte byteAt(long index) {
    return index < PREFIX.length ? PREFIX[(int) index] : 0;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    dripping =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {byteAt(sent++)})),
                0,
                1,
                TimeUnit.SECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (dripping != null) {
      dripping.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
