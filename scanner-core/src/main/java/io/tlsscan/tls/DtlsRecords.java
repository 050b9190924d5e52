package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Small edits and records of DTLS's plaintext epoch (RFC 6347 §4.1) for a raw client. */
public final class DtlsRecords {
  /** RFC 6347 §4.1: type, version, epoch, 48-bit sequence number, length. */
  static final int RECORD_HEADER = 13;

  /** RFC 6347 §4.2.2: type, length, message_seq, fragment_offset, fragment_length. */
  static final int HANDSHAKE_HEADER = 12;

  private static final int TLS_RECORD_HEADER = 5;
  private static final int TLS_HANDSHAKE_HEADER = 4;
  private static final int RANDOM = 32;
  private static final int SEQUENCE_OFFSET = 5;
  private static final int SEQUENCE_BYTES = 6;

  private DtlsRecords() {}

  /**
   * A TLS ClientHello record (one record, one message) reframed for DTLS; see {@link
   * ClientHello#datagram}.
   */
  static byte[] clientHello(byte[] tlsRecord, DtlsVersion version, byte[] cookie, int messageSeq) {
    if (cookie.length > 255 || messageSeq < 0 || messageSeq > 0xFFFF) {
      throw new IllegalArgumentException(
          "cookie of " + cookie.length + " bytes or message_seq " + messageSeq);
    }
    int bodyStart = TLS_RECORD_HEADER + TLS_HANDSHAKE_HEADER;
    int sessionIdEnd = bodyStart + 2 + RANDOM + 1 + (tlsRecord[bodyStart + 2 + RANDOM] & 0xFF);
    int bodyLength = tlsRecord.length - bodyStart - 2 + 2 + 1 + cookie.length;
    ByteBuf record = Unpooled.buffer(RECORD_HEADER + HANDSHAKE_HEADER + bodyLength);
    try {
      record.writeByte(TlsWire.CONTENT_HANDSHAKE);
      // Record version: DTLS 1.0's code, as TLS hellos carry TLS 1.0's, for the oldest servers.
      record.writeShort(DtlsVersion.DTLSv1_0.wireCode());
      record.writeShort(0); // epoch
      record.writeShort(0).writeInt(messageSeq); // 48-bit sequence number
      record.writeShort(HANDSHAKE_HEADER + bodyLength);
      record.writeByte(TlsWire.HANDSHAKE_CLIENT_HELLO);
      record.writeMedium(bodyLength);
      record.writeShort(messageSeq);
      record.writeMedium(0); // fragment offset
      record.writeMedium(bodyLength); // fragment length
      record.writeShort(version.wireCode());
      record.writeBytes(tlsRecord, bodyStart + 2, sessionIdEnd - bodyStart - 2);
      record.writeByte(cookie.length).writeBytes(cookie);
      record.writeBytes(tlsRecord, sessionIdEnd, tlsRecord.length - sessionIdEnd);
      return ByteBufUtil.getBytes(record);
    } finally {
      record.release();
    }
  }

  /**
   * A copy of one record with its 48-bit sequence number set: a retransmitted hello is the same
   * message in a new record (RFC 6347 §4.2.4), which servers that drop replayed records need.
   */
  public static byte[] withSequence(byte[] record, long sequence) {
    byte[] copy = record.clone();
    for (int i = 0; i < SEQUENCE_BYTES; i++) {
      copy[SEQUENCE_OFFSET + SEQUENCE_BYTES - 1 - i] = (byte) (sequence >>> (8 * i));
    }
    return copy;
  }

  /**
   * A fatal alert in epoch 0 with this record sequence number, which ends the server's side of an
   * abandoned handshake at once instead of after its retransmission timers.
   */
  public static byte[] fatalAlert(AlertDescription description, long sequence) {
    byte[] record = new byte[RECORD_HEADER + 2];
    record[0] = (byte) TlsWire.CONTENT_ALERT;
    record[1] = (byte) (DtlsVersion.DTLSv1_0.wireCode() >>> 8);
    record[2] = (byte) DtlsVersion.DTLSv1_0.wireCode();
    record[12] = 2;
    record[13] = 2; // fatal
    record[14] = (byte) description.code();
    return withSequence(record, sequence);
  }
}
