package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/** Hand-built server messages for decoder tests. */
final class ServerMessages {
  static final String HRR_RANDOM =
      "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c";

  private ServerMessages() {}

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static byte[] concat(byte[]... parts) {
    ByteBuf buf = Unpooled.buffer();
    for (byte[] part : parts) {
      buf.writeBytes(part);
    }
    byte[] bytes = ByteBufUtil.getBytes(buf);
    buf.release();
    return bytes;
  }

  static byte[] extension(int type, byte[] data) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeShort(type).writeShort(data.length).writeBytes(data);
    return ByteBufUtil.getBytes(buf);
  }

  static byte[] serverHello(int version, String randomHex, int suite, byte[]... extensions) {
    ByteBuf body = Unpooled.buffer();
    body.writeShort(version);
    body.writeBytes(randomHex == null ? new byte[32] : hex(randomHex));
    body.writeByte(4).writeBytes(hex("01020304"));
    body.writeShort(suite);
    body.writeByte(0);
    byte[] exts = concat(extensions);
    if (extensions.length > 0) {
      body.writeShort(exts.length).writeBytes(exts);
    }
    return handshake(2, ByteBufUtil.getBytes(body));
  }

  static byte[] handshake(int type, byte[] body) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(type).writeMedium(body.length).writeBytes(body);
    return ByteBufUtil.getBytes(buf);
  }

  static byte[] certificate(byte[]... ders) {
    ByteBuf list = Unpooled.buffer();
    for (byte[] der : ders) {
      list.writeMedium(der.length).writeBytes(der);
    }
    ByteBuf body = Unpooled.buffer();
    body.writeMedium(list.readableBytes()).writeBytes(list);
    return handshake(11, ByteBufUtil.getBytes(body));
  }

  static byte[] ecdheKeyExchange(int group) {
    ByteBuf body = Unpooled.buffer();
    body.writeByte(3).writeShort(group).writeByte(65).writeZero(65).writeShort(0x0401);
    body.writeShort(2).writeZero(2);
    return handshake(12, ByteBufUtil.getBytes(body));
  }

  static byte[] dheKeyExchange(int primeBytes) {
    ByteBuf body = Unpooled.buffer();
    body.writeShort(primeBytes).writeByte(0xff).writeZero(primeBytes - 1);
    body.writeShort(1).writeByte(2);
    body.writeShort(1).writeByte(5);
    return handshake(12, ByteBufUtil.getBytes(body));
  }

  static byte[] serverHelloDone() {
    return handshake(14, new byte[0]);
  }

  static byte[] record(int type, byte[] payload) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(type).writeShort(0x0303).writeShort(payload.length).writeBytes(payload);
    return ByteBufUtil.getBytes(buf);
  }

  /** Each byte of {@code payload} in its own record. */
  static byte[] oneByteRecords(int type, byte[] payload) {
    ByteBuf buf = Unpooled.buffer();
    for (byte b : payload) {
      buf.writeBytes(record(type, new byte[] {b}));
    }
    return ByteBufUtil.getBytes(buf);
  }
}
