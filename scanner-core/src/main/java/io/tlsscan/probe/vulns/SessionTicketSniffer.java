package io.tlsscan.probe.vulns;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Optional;

/**
 * Reads the server's bytes on their way to the TLS engine and keeps the ticket of a TLS 1.2
 * NewSessionTicket (RFC 5077 §3.3), which the server sends in the clear, before its
 * ChangeCipherSpec. Every byte is passed on unchanged. It stops looking at the ChangeCipherSpec
 * (what follows is encrypted), at anything that is not a TLS record, or after {@link #MAX_BYTES};
 * it keeps at most one record and one handshake message. One instance per channel.
 */
final class SessionTicketSniffer extends ChannelInboundHandlerAdapter {
  /** Most bytes looked at: a long chain and the rest of the flight fit. */
  static final int MAX_BYTES = 320 * 1024;

  private static final int RECORD_HEADER = 5;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int HANDSHAKE = 22;
  private static final int NEW_SESSION_TICKET = 4;
  private static final int TICKET_LIFETIME = 4;

  private final ByteBuf records = Unpooled.buffer();
  private final ByteBuf messages = Unpooled.buffer();
  private boolean watching = true;
  private long seen;
  private byte[] ticket;

  /** The ticket of the last non-empty NewSessionTicket seen, if any. */
  Optional<byte[]> ticket() {
    return Optional.ofNullable(ticket).map(byte[]::clone);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (watching && msg instanceof ByteBuf bytes) {
      seen += bytes.readableBytes();
      if (seen > MAX_BYTES) {
        stop();
      } else {
        records.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes());
        readRecords();
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void readRecords() {
    while (watching && records.readableBytes() >= RECORD_HEADER) {
      int start = records.readerIndex();
      int type = records.getUnsignedByte(start);
      int length = records.getUnsignedShort(start + 3);
      if (records.getUnsignedByte(start + 1) != 3 || type == CHANGE_CIPHER_SPEC) {
        stop();
        return;
      }
      if (records.readableBytes() < RECORD_HEADER + length) {
        break;
      }
      records.skipBytes(RECORD_HEADER);
      ByteBuf fragment = records.readSlice(length);
      if (type == HANDSHAKE) {
        messages.writeBytes(fragment);
        readMessages();
      }
    }
    records.discardReadBytes();
  }

  private void readMessages() {
    while (messages.readableBytes() >= 4) {
      int start = messages.readerIndex();
      int length = messages.getUnsignedMedium(start + 1);
      if (messages.readableBytes() < 4 + length) {
        break;
      }
      int type = messages.getUnsignedByte(start);
      messages.skipBytes(4);
      ByteBuf body = messages.readSlice(length);
      if (type == NEW_SESSION_TICKET) {
        readTicket(body);
      }
    }
    messages.discardReadBytes();
  }

  private void readTicket(ByteBuf body) {
    if (body.readableBytes() < TICKET_LIFETIME + 2) {
      return;
    }
    int length = body.getUnsignedShort(body.readerIndex() + TICKET_LIFETIME);
    if (length > 0 && body.readableBytes() >= TICKET_LIFETIME + 2 + length) {
      ticket = ByteBufUtil.getBytes(body, body.readerIndex() + TICKET_LIFETIME + 2, length);
    }
  }

  private void stop() {
    watching = false;
    records.clear();
    messages.clear();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    records.release();
    messages.release();
  }
}
