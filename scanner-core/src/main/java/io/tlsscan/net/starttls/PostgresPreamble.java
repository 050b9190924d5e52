package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;

/**
 * PostgreSQL: send the 8-byte SSLRequest (length 8, code 80877103) and start TLS when the server
 * answers the single byte {@code S}; {@code N} means it does not accept TLS.
 */
final class PostgresPreamble extends Preamble {
  private static final byte[] SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};

  PostgresPreamble() {
    super(StarttlsProtocol.POSTGRES);
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    send(ctx, SSL_REQUEST.clone());
  }

  @Override
  void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException {
    byte answer = in.getByte(in.readerIndex());
    if (answer == 'S') {
      in.skipBytes(1);
      startTls(ctx);
    } else if (answer == 'N') {
      throw notOffered("it answered N to the SSLRequest", "N");
    } else if (answer == 'E') {
      throw refused(in.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    } else {
      throw notSpoken(in.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }
}
