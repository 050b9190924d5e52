package io.tlsscan.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.tlsscan.tls.TlsRecordSniffer;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the first bytes the server sends before the TLS engine sees them: if they cannot start a
 * TLS record (an HTTP response, an SSH banner, ...) the connection fails at once with a {@link
 * NotTlsException} that says what was seen, instead of waiting for the deadline. Once the bytes
 * look like TLS it steps out of the pipeline and hands them on untouched. One instance per channel.
 */
public final class NotTlsGuard extends ByteToMessageDecoder {

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < TlsRecordSniffer.minimumBytes()) {
      return;
    }
    judge(ctx, in);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.isReadable()) {
      judge(ctx, in);
    }
  }

  private void judge(ChannelHandlerContext ctx, ByteBuf in) {
    Optional<String> notTls = TlsRecordSniffer.nonTlsDescription(in);
    if (notTls.isPresent()) {
      in.skipBytes(in.readableBytes());
      ctx.fireExceptionCaught(new NotTlsException(notTls.get()));
      ctx.close();
    } else {
      ctx.pipeline().remove(this);
    }
  }
}
