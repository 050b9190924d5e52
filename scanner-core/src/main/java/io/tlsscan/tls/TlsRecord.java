package io.tlsscan.tls;

/**
 * One TLS record as it came over the wire, for probes that talk on after the ServerHello.
 *
 * @param type the content type (20 ChangeCipherSpec, 21 alert, 22 handshake, 23 application data,
 *     24 heartbeat)
 * @param payload the record's fragment, as sent (encrypted or not)
 */
public record TlsRecord(int type, byte[] payload) {
  /** RFC 6520: the heartbeat content type. */
  public static final int HEARTBEAT = 24;

  /** The alert content type. */
  public static final int ALERT = TlsWire.CONTENT_ALERT;

  /** The ChangeCipherSpec content type. */
  public static final int CHANGE_CIPHER_SPEC = TlsWire.CONTENT_CHANGE_CIPHER_SPEC;

  public TlsRecord {
    payload = payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The payload's length. */
  public int length() {
    return payload.length;
  }

  /** The alert's description when this is a plaintext alert record, else -1. */
  public int alertDescription() {
    return type == ALERT && payload.length == 2 ? payload[1] & 0xff : -1;
  }

  /**
   * The bytes of a record of {@code type} and {@code version} (its wire code) around {@code
   * payload}.
   */
  public static byte[] encode(int type, int version, byte[] payload) {
    byte[] record = new byte[5 + payload.length];
    record[0] = (byte) type;
    record[1] = (byte) (version >> 8);
    record[2] = (byte) version;
    record[3] = (byte) (payload.length >> 8);
    record[4] = (byte) payload.length;
    System.arraycopy(payload, 0, record, 5, payload.length);
    return record;
  }

  /**
   * The bytes of a handshake message of {@code type}: its type and 24-bit length, then {@code
   * body}.
   */
  public static byte[] handshakeMessage(int type, byte[] body) {
    byte[] message = new byte[4 + body.length];
    message[0] = (byte) type;
    message[1] = (byte) (body.length >> 16);
    message[2] = (byte) (body.length >> 8);
    message[3] = (byte) body.length;
    System.arraycopy(body, 0, message, 4, body.length);
    return message;
  }
}
