package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.nio.charset.StandardCharsets;

/**
 * MySQL and MariaDB: read the server's initial handshake packet (protocol 10), check its capability
 * flags have {@code CLIENT_SSL}, send the 32-byte SSL request packet, and start TLS. An error
 * packet (0xFF, e.g. host not allowed) is a refusal.
 */
final class MysqlPreamble extends Preamble {
  private static final int CLIENT_LONG_PASSWORD = 0x1;
  private static final int CLIENT_PROTOCOL_41 = 0x200;
  private static final int CLIENT_SSL = 0x800;
  private static final int CLIENT_SECURE_CONNECTION = 0x8000;
  private static final int HEADER = 4;

  MysqlPreamble() {
    super(StarttlsProtocol.MYSQL);
  }

  @Override
  void start(ChannelHandlerContext ctx) {}

  @Override
  void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException {
    if (in.readableBytes() < HEADER) {
      return;
    }
    int start = in.readerIndex();
    int length = in.getUnsignedMediumLE(start);
    if (length > MAX_REPLY_BYTES) {
      throw notSpoken(in.toString(StandardCharsets.ISO_8859_1));
    }
    if (in.readableBytes() < HEADER + length) {
      return;
    }
    ByteBuf payload = in.slice(start + HEADER, length);
    String text = payload.toString(StandardCharsets.ISO_8859_1);
    if (length == 0) {
      throw notSpoken(text);
    }
    int first = payload.getUnsignedByte(0);
    if (first == 0xff) {
      throw refused(length > 3 ? text.substring(3) : text);
    }
    int versionEnd = payload.indexOf(1, length, (byte) 0);
    int flagsAt = versionEnd + 1 + 4 + 8 + 1;
    if (first != 10 || versionEnd < 0 || flagsAt + 2 > length) {
      throw notSpoken(text);
    }
    int flags = payload.getUnsignedShortLE(flagsAt);
    if ((flags & CLIENT_SSL) == 0) {
      throw notOffered("no SSL capability in its greeting", text);
    }
    int sequence = in.getUnsignedByte(start + 3);
    in.skipBytes(HEADER + length);
    send(ctx, sslRequest(sequence + 1));
    startTls(ctx);
  }

  /** The SSL request: capabilities, max packet size, utf8 character set, 23 zero bytes. */
  private static byte[] sslRequest(int sequence) {
    byte[] packet = new byte[HEADER + 32];
    packet[0] = 32;
    packet[3] = (byte) sequence;
    int flags = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION;
    packet[4] = (byte) flags;
    packet[5] = (byte) (flags >> 8);
    packet[6] = (byte) (flags >> 16);
    packet[7] = (byte) (flags >> 24);
    packet[11] = 1; // max packet size 16 MiB, little-endian
    packet[12] = 33; // utf8_general_ci
    return packet;
  }
}
