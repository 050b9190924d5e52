package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * Cuts the server's bytes into whole {@link TlsRecord}s, for the part of a conversation that comes
 * after the ServerHello. Reads at most {@code maxBytes} in all and records of at most 2^14 + 2048
 * bytes (RFC 5246 §6.2.3); a record that is not TLS (version major other than 3) or breaks a limit
 * fails the channel with a {@link DecoderException}. Not sharable.
 */
public final class TlsRecordDecoder extends ByteToMessageDecoder {
  private static final int MAX_RECORD_LENGTH = (1 << 14) + 2048;
  private static final int HEADER = 5;

  private final int maxBytes;
  private long read;

  public TlsRecordDecoder(int maxBytes) {
    if (maxBytes < HEADER) {
      throw new IllegalArgumentException("maxBytes must hold a record header, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= HEADER) {
      int start = in.readerIndex();
      int major = in.getUnsignedByte(start + 1);
      int length = in.getUnsignedShort(start + 3);
      if (major != 3) {
        throw new DecoderException("record with version major " + major);
      }
      if (length > MAX_RECORD_LENGTH) {
        throw new DecoderException("record of " + length + " bytes exceeds " + MAX_RECORD_LENGTH);
      }
      if (read + HEADER + length > maxBytes) {
        throw new DecoderException("server sent more than " + maxBytes + " bytes");
      }
      if (in.readableBytes() < HEADER + length) {
        return;
      }
      int type = in.getUnsignedByte(start);
      in.skipBytes(HEADER);
      out.add(new TlsRecord(type, ByteBufUtil.getBytes(in.readSlice(length))));
      read += HEADER + length;
    }
  }
}
