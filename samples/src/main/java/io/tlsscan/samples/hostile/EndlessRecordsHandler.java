package io.tlsscan.samples.hostile;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers the client's first bytes with an optional fixed prefix, then the same record over and
 * over, for as long as the connection lives. It writes only while the channel is writable, so a
 * client that stops reading holds up the server instead of filling its memory.
 */
final class EndlessRecordsHandler extends ChannelInboundHandlerAdapter {
  /** Records are written in chunks of about this many bytes. */
  private static final int CHUNK_BYTES = 16 * 1024;

  private final byte[] prefix;
  private final ByteBuf chunk;
  private boolean started;

  EndlessRecordsHandler(byte[] record) {
    this(new byte[0], record);
  }

  EndlessRecordsHandler(byte[] prefix, byte[] record) {
    this.prefix = prefix.clone();
    int copies = Math.max(1, CHUNK_BYTES / record.length);
    byte[] bytes = new byte[copies * record.length];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(record, 0, bytes, i * record.length, record.length);
    }
    this.chunk = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    if (!started) {
      started = true;
      ctx.write(Unpooled.wrappedBuffer(prefix));
      pump(ctx);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (started) {
      pump(ctx);
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void pump(ChannelHandlerContext ctx) {
    Channel channel = ctx.channel();
    while (channel.isActive() && channel.isWritable()) {
      ctx.write(chunk.duplicate());
    }
    ctx.flush();
  }
}
