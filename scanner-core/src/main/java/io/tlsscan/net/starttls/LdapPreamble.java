package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.nio.charset.StandardCharsets;

/**
 * LDAP (RFC 4511 §4.14): send the StartTLS extended request (OID 1.3.6.1.4.1.1466.20037) and start
 * TLS when the ExtendedResponse's resultCode is success (0). protocolError (2) means the server
 * does not know the operation; any other code is a refusal, quoted with its diagnostic message.
 */
final class LdapPreamble extends Preamble {
  /** LDAPMessage { messageID 1, [APPLICATION 23] { [0] "1.3.6.1.4.1.1466.20037" } }. */
  private static final byte[] START_TLS_REQUEST = request();

  private static final int EXTENDED_RESPONSE = 0x78;
  private static final int PROTOCOL_ERROR = 2;

  LdapPreamble() {
    super(StarttlsProtocol.LDAP);
  }

  private static byte[] request() {
    byte[] oid = "1.3.6.1.4.1.1466.20037".getBytes(StandardCharsets.US_ASCII);
    byte[] message = new byte[7 + 2 + oid.length];
    int i = 0;
    message[i++] = 0x30;
    message[i++] = (byte) (message.length - 2);
    message[i++] = 0x02;
    message[i++] = 0x01;
    message[i++] = 0x01;
    message[i++] = 0x77;
    message[i++] = (byte) (oid.length + 2);
    message[i++] = (byte) 0x80;
    message[i++] = (byte) oid.length;
    System.arraycopy(oid, 0, message, i, oid.length);
    return message;
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    send(ctx, START_TLS_REQUEST.clone());
  }

  @Override
  void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException {
    Ber ber = new Ber(in.slice());
    if (ber.remaining() < 2) {
      return;
    }
    if (ber.tag() != 0x30) {
      throw notSpoken(hex(in));
    }
    int length = ber.length();
    if (length < 0 && in.readableBytes() < 5) {
      return; // a long-form length not yet all here
    }
    if (length < 0 || length > MAX_REPLY_BYTES) {
      throw notSpoken(hex(in));
    }
    if (ber.remaining() < length) {
      return;
    }
    if (ber.tag() != 0x02) {
      throw notSpoken(hex(in));
    }
    ber.skip(ber.length());
    if (ber.tag() != EXTENDED_RESPONSE) {
      throw notSpoken(hex(in));
    }
    ber.length();
    if (ber.tag() != 0x0a || ber.length() != 1) {
      throw notSpoken(hex(in));
    }
    int resultCode = ber.unsignedByte();
    String diagnostic = "";
    if (ber.tag() == 0x04) {
      ber.skip(ber.length());
      if (ber.tag() == 0x04) {
        diagnostic = ber.string(ber.length());
      }
    }
    String reply = "resultCode " + resultCode + (diagnostic.isEmpty() ? "" : ", " + diagnostic);
    if (resultCode == PROTOCOL_ERROR) {
      throw notOffered("it does not know the StartTLS operation", reply);
    }
    if (resultCode != 0) {
      throw refused(reply);
    }
    in.skipBytes(in.readableBytes());
    startTls(ctx);
  }

  private static String hex(ByteBuf in) {
    return io.netty.buffer.ByteBufUtil.hexDump(
        in, in.readerIndex(), Math.min(64, in.readableBytes()));
  }

  /** Reads BER tags and lengths from a slice; a truncated field reads as -1. */
  private static final class Ber {
    private final ByteBuf bytes;

    Ber(ByteBuf bytes) {
      this.bytes = bytes;
    }

    int remaining() {
      return bytes.readableBytes();
    }

    int tag() {
      return bytes.isReadable() ? bytes.readUnsignedByte() : -1;
    }

    int unsignedByte() {
      return bytes.isReadable() ? bytes.readUnsignedByte() : -1;
    }

    /** A definite length, short or long form up to 3 octets; -1 when cut off or unsupported. */
    int length() {
      int first = unsignedByte();
      if (first < 0x80) {
        return first;
      }
      int octets = first & 0x7f;
      if (octets == 0 || octets > 3 || remaining() < octets) {
        return -1;
      }
      int length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | bytes.readUnsignedByte();
      }
      return length;
    }

    void skip(int length) {
      bytes.skipBytes(Math.max(0, Math.min(length, remaining())));
    }

    String string(int length) {
      int n = Math.max(0, Math.min(length, remaining()));
      return bytes.readCharSequence(n, StandardCharsets.UTF_8).toString();
    }
  }
}
