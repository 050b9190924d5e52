package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.tlsscan.cert.Names;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.nio.charset.StandardCharsets;

/**
 * The plain-text exchange before TLS on one connection. It sits in front of the TLS handlers and
 * holds back {@code channelActive} from them; it reads the server's replies, answers, and once TLS
 * may start removes itself and lets {@code channelActive} through, so the TLS client (the engine or
 * a raw hello) begins as on a plain TLS connection. A reply over {@link #MAX_REPLY_BYTES}, a close
 * before TLS, or an answer it does not expect fail the connection with a {@link StarttlsException}.
 * Time is bounded by the target's deadline, which closes the channel. One instance per channel.
 */
abstract class Preamble extends ChannelInboundHandlerAdapter {
  /** Most bytes one reply of the server may take, line breaks included. */
  static final int MAX_REPLY_BYTES = 4096;

  private final StarttlsProtocol protocol;
  private ByteBuf received;
  private boolean finished;

  Preamble(StarttlsProtocol protocol) {
    this.protocol = protocol;
  }

  /** Called once the TCP connection is up; protocols where the client speaks first write here. */
  abstract void start(ChannelHandlerContext ctx) throws StarttlsException;

  /**
   * Called with everything received and not yet consumed; consumes what it can (a whole reply at a
   * time) and leaves the rest for the next call.
   */
  abstract void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    received = ctx.alloc().buffer(256);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (received != null) {
      received.release();
      received = null;
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    try {
      start(ctx);
    } catch (StarttlsException e) {
      fail(ctx, e);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (finished || !(msg instanceof ByteBuf bytes)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      received.writeBytes(bytes);
    } finally {
      ReferenceCountUtil.release(bytes);
    }
    try {
      consume(ctx, received);
      if (finished) {
        return;
      }
      if (received.readableBytes() > MAX_REPLY_BYTES) {
        throw new StarttlsException(
            name() + " reply longer than " + MAX_REPLY_BYTES + " bytes: " + quote(received));
      }
      received.discardReadBytes();
    } catch (StarttlsException e) {
      fail(ctx, e);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!finished) {
      finished = true;
      String said = received != null && received.isReadable() ? "; it said " + quote(received) : "";
      ctx.fireExceptionCaught(
          new StarttlsException(
              "server closed the connection during the " + name() + " exchange before TLS" + said));
    }
    ctx.fireChannelInactive();
  }

  /** Whether the exchange is over (TLS started or the connection failed). */
  final boolean tlsStarted() {
    return finished;
  }

  /** TLS may start now: hand the connection to the TLS handlers behind this one. */
  final void startTls(ChannelHandlerContext ctx) {
    finished = true;
    ctx.fireChannelActive();
    if (received.isReadable()) {
      ctx.fireChannelRead(received.readRetainedSlice(received.readableBytes()));
    }
    ctx.pipeline().remove(this);
  }

  /** Sends {@code line} and CRLF. */
  final void sendLine(ChannelHandlerContext ctx, String line) {
    send(ctx, (line + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  final void send(ChannelHandlerContext ctx, byte[] bytes) {
    ctx.writeAndFlush(Unpooled.wrappedBuffer(bytes));
  }

  private void fail(ChannelHandlerContext ctx, StarttlsException e) {
    if (!finished) {
      finished = true;
      ctx.fireExceptionCaught(e);
    }
    ctx.close();
  }

  /** The protocol's name in messages, e.g. {@code SMTP}. */
  final String name() {
    return protocol.wireName().toUpperCase(java.util.Locale.ROOT);
  }

  /** The server did not answer as the protocol says. */
  final StarttlsException notSpoken(String reply) {
    return new StarttlsException("server does not speak " + name() + ": it said " + quote(reply));
  }

  /** The server does not offer TLS (e.g. STARTTLS is not in its capabilities). */
  final StarttlsException notOffered(String where, String reply) {
    return new StarttlsException(
        "server does not offer STARTTLS over " + name() + " (" + where + "): " + quote(reply));
  }

  /** The server offered TLS but refused the request. */
  final StarttlsException refused(String reply) {
    return new StarttlsException("server refused STARTTLS over " + name() + ": " + quote(reply));
  }

  /** A reply made safe to quote: at most 200 characters, control characters escaped. */
  static String quote(String reply) {
    return '"' + Names.shorten(reply) + '"';
  }

  private static String quote(ByteBuf bytes) {
    int length = Math.min(bytes.readableBytes(), Names.MAX_LENGTH + 1);
    return quote(bytes.toString(bytes.readerIndex(), length, StandardCharsets.ISO_8859_1));
  }
}
