package io.tlsscan.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Optional;

/**
 * What a server sends on one of our own handshakes, cut into whole TLS records and, from the
 * handshake records' contents, whole handshake messages. At most {@code maxBytes} of records wait
 * at once; the connection's read limit bounds the total.
 */
final class ServerStream {
  /** The bytes of a record header: type, version, length. */
  static final int RECORD_HEADER = 5;

  private static final int MESSAGE_HEADER = 4;

  private final int maxBytes;
  private final int maxRecord;
  private final ByteBuf records = Unpooled.buffer(4096);
  private final ByteBuf messages = Unpooled.buffer(4096);

  /**
   * @param maxBytes the most bytes of records kept at once
   * @param maxRecord the longest record fragment accepted
   */
  ServerStream(int maxBytes, int maxRecord) {
    this.maxBytes = maxBytes;
    this.maxRecord = maxRecord;
  }

  /**
   * One record.
   *
   * @param header its five header bytes, which AEAD protection of TLS 1.3 authenticates
   * @param fragment its contents, protected or not
   */
  record Record(byte[] header, byte[] fragment) {
    int type() {
      return header[0] & 0xFF;
    }
  }

  /**
   * Takes {@code data} in; {@code false}, taking nothing, when that would keep more than the bound.
   */
  boolean append(ByteBuf data) {
    records.discardReadBytes();
    if (records.readableBytes() + data.readableBytes() > maxBytes) {
      return false;
    }
    records.writeBytes(data, data.readerIndex(), data.readableBytes());
    return true;
  }

  /** The next whole record; empty until all of it has come. */
  Optional<Record> nextRecord() throws MalformedMessageException {
    if (records.readableBytes() < RECORD_HEADER) {
      return Optional.empty();
    }
    int length = records.getUnsignedShort(records.readerIndex() + 3);
    if (length > maxRecord) {
      throw new MalformedMessageException("record of " + length + " bytes");
    }
    if (records.readableBytes() < RECORD_HEADER + length) {
      return Optional.empty();
    }
    byte[] header = new byte[RECORD_HEADER];
    records.readBytes(header);
    byte[] fragment = new byte[length];
    records.readBytes(fragment);
    return Optional.of(new Record(header, fragment));
  }

  /** Takes in the plain contents of a handshake record. */
  void appendHandshake(byte[] contents) {
    messages.discardReadBytes();
    messages.writeBytes(contents);
  }

  /** The next whole handshake message (type, length and body); empty until all of it has come. */
  Optional<byte[]> nextMessage() {
    if (messages.readableBytes() < MESSAGE_HEADER) {
      return Optional.empty();
    }
    int length = messages.getUnsignedMedium(messages.readerIndex() + 1);
    if (messages.readableBytes() < MESSAGE_HEADER + length) {
      return Optional.empty();
    }
    byte[] message = new byte[MESSAGE_HEADER + length];
    messages.readBytes(message);
    return Optional.of(message);
  }

  void release() {
    records.release();
    messages.release();
  }
}
