package io.tlsscan.samples.hostile;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Sits between a real TLS server's {@code SslHandler} and the socket and re-frames what the server
 * writes: every plaintext handshake record becomes a run of records carrying one byte each, which
 * TLS allows (RFC 5246 §6.2.1: a handshake message may span any number of records). From the
 * server's change_cipher_spec on, records are encrypted and pass through unchanged.
 *
 * <pre>
 *   16 03 03 00 2a [42 bytes]   →   16 03 03 00 01 [b0]  16 03 03 00 01 [b1]  ...  (42 records)
 * </pre>
 *
 * One instance per channel; keeps at most one partly written record between writes.
 */
final class OneByteRecordEncoder extends ChannelOutboundHandlerAdapter {
  private ByteBuf pending;
  private boolean encrypted;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    pending = ctx.alloc().buffer();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    pending.release();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf data)) {
      ctx.write(msg, promise);
      return;
    }
    try {
      pending.writeBytes(data);
    } finally {
      data.release();
    }
    ByteBuf out = ctx.alloc().buffer(pending.readableBytes() * 6);
    while (!encrypted && pending.readableBytes() >= TlsBytes.RECORD_HEADER_LENGTH) {
      int start = pending.readerIndex();
      int type = pending.getUnsignedByte(start);
      int length = pending.getUnsignedShort(start + 3);
      if (pending.readableBytes() < TlsBytes.RECORD_HEADER_LENGTH + length) {
        break;
      }
      if (type == TlsBytes.HANDSHAKE) {
        splitIntoOneByteRecords(pending, length, out);
      } else {
        out.writeBytes(pending, TlsBytes.RECORD_HEADER_LENGTH + length);
        encrypted = type == TlsBytes.CHANGE_CIPHER_SPEC;
      }
    }
    if (encrypted) {
      out.writeBytes(pending);
    }
    pending.discardReadBytes();
    ctx.write(out, promise);
  }

  private static void splitIntoOneByteRecords(ByteBuf in, int length, ByteBuf out) {
    int version = in.getUnsignedShort(in.readerIndex() + 1);
    in.skipBytes(TlsBytes.RECORD_HEADER_LENGTH);
    for (int i = 0; i < length; i++) {
      out.writeByte(TlsBytes.HANDSHAKE).writeShort(version).writeShort(1).writeByte(in.readByte());
    }
  }
}
