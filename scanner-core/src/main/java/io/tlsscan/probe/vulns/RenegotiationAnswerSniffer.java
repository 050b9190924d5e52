package io.tlsscan.probe.vulns;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Follows the record boundaries of the server's bytes on their way to the TLS engine and, once
 * {@linkplain #arm armed} (when the client has sent its renegotiating hello), tells when a record
 * of the handshake type starts: in TLS 1.2 the record header stays in the clear, so a handshake
 * record answering the hello is the server's ServerHello, the renegotiation accepted. The bytes of
 * that record and all after it are dropped instead of passed on: the connection has told what it
 * was for, and the engine need not verify a second key exchange. Before that every byte is passed
 * on unchanged. It stops looking at anything that is not a TLS record. One instance per channel.
 */
final class RenegotiationAnswerSniffer extends ChannelInboundHandlerAdapter {
  private static final int RECORD_HEADER = 5;
  private static final int HANDSHAKE = 22;
  private static final int TLS_MAJOR = 3;

  private final byte[] header = new byte[RECORD_HEADER];
  private int headerBytes;
  private int bodyLeft;
  private boolean lost;
  private Runnable onHandshake;
  private boolean answered;

  /** From now on, a handshake record from the server runs {@code onHandshake}, once. */
  void arm(Runnable onHandshake) {
    this.onHandshake = onHandshake;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (answered) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!lost && msg instanceof ByteBuf bytes && handshakeRecordStarts(bytes)) {
      answered = true;
      ReferenceCountUtil.release(msg);
      onHandshake.run();
      return;
    }
    ctx.fireChannelRead(msg);
  }

  /** Walks the record headers in {@code bytes}; whether an armed handshake record starts. */
  private boolean handshakeRecordStarts(ByteBuf bytes) {
    int index = bytes.readerIndex();
    int end = bytes.writerIndex();
    while (index < end) {
      if (bodyLeft > 0) {
        int skipped = Math.min(bodyLeft, end - index);
        bodyLeft -= skipped;
        index += skipped;
        continue;
      }
      header[headerBytes++] = bytes.getByte(index++);
      if (headerBytes < RECORD_HEADER) {
        continue;
      }
      headerBytes = 0;
      if (header[1] != TLS_MAJOR) {
        lost = true;
        return false;
      }
      if (onHandshake != null && header[0] == HANDSHAKE) {
        return true;
      }
      bodyLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
    }
    return false;
  }
}
