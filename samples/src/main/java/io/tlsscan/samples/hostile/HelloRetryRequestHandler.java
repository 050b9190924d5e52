package io.tlsscan.samples.hostile;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * A TLS 1.3 server that never gets past its first message: it answers every ClientHello, the second
 * one too, with a HelloRetryRequest, which RFC 8446 §4.1.4 says a client must abort on with {@code
 * unexpected_message}. Other records (the client's change_cipher_spec, alerts) are dropped. Reads
 * whole records only; one instance per channel.
 */
final class HelloRetryRequestHandler extends ByteToMessageDecoder {
  /** Offset of legacy_session_id in a ClientHello record: headers, version, random. */
  private static final int SESSION_ID_OFFSET = TlsBytes.RECORD_HEADER_LENGTH + 4 + 2 + 32;

  private static final int MAX_SESSION_ID_LENGTH = 32;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= TlsBytes.RECORD_HEADER_LENGTH) {
      int start = in.readerIndex();
      int length = TlsBytes.RECORD_HEADER_LENGTH + in.getUnsignedShort(start + 3);
      if (in.readableBytes() < length) {
        return;
      }
      if (isClientHello(in, start, length)) {
        byte[] sessionId = sessionId(in, start, length);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(TlsBytes.helloRetryRequestRecord(sessionId)));
      }
      in.skipBytes(length);
    }
  }

  private static boolean isClientHello(ByteBuf in, int start, int length) {
    return in.getUnsignedByte(start) == TlsBytes.HANDSHAKE
        && length > TlsBytes.RECORD_HEADER_LENGTH
        && in.getUnsignedByte(start + TlsBytes.RECORD_HEADER_LENGTH) == TlsBytes.CLIENT_HELLO;
  }

  /** The session id to echo; empty when the hello is too short or the id too long to be real. */
  private static byte[] sessionId(ByteBuf in, int start, int length) {
    if (length <= SESSION_ID_OFFSET) {
      return new byte[0];
    }
    int idLength = in.getUnsignedByte(start + SESSION_ID_OFFSET);
    if (idLength > MAX_SESSION_ID_LENGTH || SESSION_ID_OFFSET + 1 + idLength > length) {
      return new byte[0];
    }
    byte[] id = new byte[idLength];
    in.getBytes(start + SESSION_ID_OFFSET + 1, id);
    return id;
  }
}
