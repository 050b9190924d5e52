package io.tlsscan.probe.raw;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.tls.ClientHello;
import java.time.Duration;
import reactor.core.publisher.MonoSink;

/**
 * Sends the hello once the connection is up and hands the server's first bytes to the probe, as one
 * socket read returns them: everything that has arrived once the first TLS record is whole (or at
 * the first read, when no record header can be made out), at most {@code maxBytes}. A close ends
 * the read with what arrived, possibly nothing; an error or {@code answerTimeout} of silence fails
 * it only when nothing arrived. One instance per channel.
 */
final class FirstBytesHandler extends HelloHandler {
  private static final int RECORD_HEADER = 5;

  private final MonoSink<byte[]> sink;
  private final ByteBuf received;
  private boolean done;

  FirstBytesHandler(
      MonoSink<byte[]> sink, ClientHello hello, int maxBytes, Duration answerTimeout) {
    super(hello, answerTimeout);
    this.sink = sink;
    this.received = Unpooled.buffer(Math.min(maxBytes, 2048), maxBytes);
  }

  @Override
  void onSilence(ChannelHandlerContext ctx, NoAnswerException silence) {
    end(ctx, silence);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (!done && msg instanceof ByteBuf bytes) {
        received.writeBytes(bytes, Math.min(bytes.readableBytes(), received.maxWritableBytes()));
        if (received.maxWritableBytes() == 0 || firstRecordWhole()) {
          end(ctx, null);
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  /** Whether the first record has arrived whole; true for bytes that are no TLS record. */
  private boolean firstRecordWhole() {
    if (received.readableBytes() < RECORD_HEADER) {
      return false;
    }
    int type = received.getUnsignedByte(0);
    boolean tlsRecord = type >= 20 && type <= 23 && received.getUnsignedByte(1) == 3;
    return !tlsRecord || received.readableBytes() >= RECORD_HEADER + received.getUnsignedShort(3);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    end(ctx, cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    finish(null);
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    finish(null);
  }

  private void end(ChannelHandlerContext ctx, Throwable cause) {
    finish(cause);
    ctx.close();
  }

  /** Ends with what arrived, or with {@code cause} when nothing did and there is one. */
  private void finish(Throwable cause) {
    if (done) {
      return;
    }
    done = true;
    cancelTimer();
    byte[] bytes = ByteBufUtil.getBytes(received);
    received.release();
    if (cause != null && bytes.length == 0) {
      sink.error(cause);
    } else {
      sink.success(bytes);
    }
  }
}
