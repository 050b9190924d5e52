package io.tlsscan.tls;

import static io.tlsscan.tls.TlsWire.CONTENT_CHANGE_CIPHER_SPEC;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO;
import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.Consumer;

/**
 * Copies the server's ServerHello message out of the bytes on their way to a TLS engine that does
 * not show it (BoringSSL), for what is read from it alone (JA3S, JA4S). The bytes pass on
 * untouched. It reads whole records from the first byte: change_cipher_spec records and a
 * HelloRetryRequest are passed over, and the first other ServerHello goes to {@code sink}
 * (handshake header included) when the record that starts with it holds all of it. Anything else
 * first (an alert, another message, a record longer than a plaintext record may be) ends the
 * capture without one. Either way it then leaves the pipeline; it holds at most one record. One
 * instance per channel.
 */
public final class ServerHelloCapture extends ChannelInboundHandlerAdapter {
  /** A record header and the longest plaintext fragment (RFC 8446 §5.1). */
  private static final int MAX_RECORD_BYTES = 5 + (1 << 14);

  /** A record header, then a handshake header. */
  private static final int MESSAGE_OFFSET = 5;

  /** The handshake header and the ServerHello's version: where its random starts. */
  private static final int RANDOM_OFFSET = 4 + 2;

  private final Consumer<byte[]> sink;

  /** Bytes of records not yet judged, from a record header on. */
  private ByteBuf pending;

  /**
   * @param sink gets the record that carries the ServerHello, if one comes
   */
  public ServerHelloCapture(Consumer<byte[]> sink) {
    this.sink = requireNonNull(sink, "sink");
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes) {
      if (pending == null) {
        pending = ctx.alloc().heapBuffer(bytes.readableBytes());
      }
      pending.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
      if (judged()) {
        ctx.pipeline().remove(this);
      } else {
        pending.discardSomeReadBytes();
      }
    }
    ctx.fireChannelRead(msg);
  }

  /** Reads the whole records pending; true once the ServerHello was found or cannot come. */
  private boolean judged() {
    while (pending.readableBytes() >= 5) {
      int start = pending.readerIndex();
      int type = pending.getUnsignedByte(start);
      int length = 5 + pending.getUnsignedShort(start + 3);
      if (length > MAX_RECORD_BYTES) {
        return true;
      }
      if (pending.readableBytes() < length) {
        return false;
      }
      ByteBuf record = pending.readSlice(length);
      if (type == CONTENT_CHANGE_CIPHER_SPEC) {
        continue;
      }
      if (type != CONTENT_HANDSHAKE
          || length < MESSAGE_OFFSET + 4
          || record.getUnsignedByte(MESSAGE_OFFSET) != HANDSHAKE_SERVER_HELLO) {
        return true;
      }
      int messageLength = 4 + record.getUnsignedMedium(MESSAGE_OFFSET + 1);
      if (MESSAGE_OFFSET + messageLength > length) {
        return true;
      }
      ByteBuf message = record.slice(MESSAGE_OFFSET, messageLength);
      if (messageLength < RANDOM_OFFSET + 32
          || !ServerHelloParser.isHelloRetryRandom(message, RANDOM_OFFSET)) {
        sink.accept(ByteBufUtil.getBytes(message));
        return true;
      }
    }
    return false;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
