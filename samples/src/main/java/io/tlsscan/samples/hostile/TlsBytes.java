package io.tlsscan.samples.hostile;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made TLS bytes for the hostile servers: record and handshake framing (RFC 8446 §5.1, §4) and
 * the few messages they send whole.
 */
final class TlsBytes {
  /** Record content types (RFC 8446 §5.1). */
  static final int CHANGE_CIPHER_SPEC = 20;

  static final int ALERT = 21;
  static final int HANDSHAKE = 22;
  static final int APPLICATION_DATA = 23;

  /** Handshake message types (RFC 8446 §4, RFC 5246 §7.4). */
  static final int HELLO_REQUEST = 0;

  static final int CLIENT_HELLO = 1;
  static final int SERVER_HELLO = 2;
  static final int CERTIFICATE = 11;

  /** Record header: type, legacy version (2 bytes), length (2 bytes). */
  static final int RECORD_HEADER_LENGTH = 5;

  /** The largest plaintext a record may carry, 2^14 (RFC 8446 §5.1). */
  static final int MAX_PLAINTEXT = 1 << 14;

  /** The largest record body a TLS 1.2 peer may send, 2^14 + 2048 (RFC 5246 §6.2.3). */
  static final int MAX_CIPHERTEXT = MAX_PLAINTEXT + 2048;

  /** The fixed random of a HelloRetryRequest: SHA-256 of "HelloRetryRequest" (RFC 8446 §4.1.3). */
  static final byte[] HELLO_RETRY_REQUEST_RANDOM =
      hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");

  /** The version every record here carries: TLS 1.2, as TLS 1.3 servers send too. */
  private static final int RECORD_VERSION = 0x0303;

  private static final int TLS_AES_128_GCM_SHA256 = 0x1301;
  private static final int TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xc02f;
  private static final int SUPPORTED_VERSIONS = 0x002b;
  private static final int KEY_SHARE = 0x0033;
  private static final int RENEGOTIATION_INFO = 0xff01;
  private static final int SECP384R1 = 0x0018;
  private static final int TLS13 = 0x0304;

  /** Alert level warning and description user_canceled (RFC 8446 §6). */
  private static final int WARNING = 1;

  private static final int USER_CANCELED = 90;

  private TlsBytes() {}

  /** One record of {@code type} around {@code body}; the body must fit the 16-bit length. */
  static byte[] record(int type, byte[] body) {
    byte[] record = new byte[RECORD_HEADER_LENGTH + body.length];
    writeHeader(record, type, body.length);
    System.arraycopy(body, 0, record, RECORD_HEADER_LENGTH, body.length);
    return record;
  }

  /** A record header announcing {@code length} bytes, without the bytes. */
  static byte[] recordHeader(int type, int length) {
    byte[] header = new byte[RECORD_HEADER_LENGTH];
    writeHeader(header, type, length);
    return header;
  }

  /** One handshake message: type, 24-bit length, body. */
  static byte[] handshake(int type, byte[] body) {
    byte[] message = Arrays.copyOf(handshakeHeader(type, body.length), 4 + body.length);
    System.arraycopy(body, 0, message, 4, body.length);
    return message;
  }

  /** A handshake message header announcing {@code length} bytes of body, without the body. */
  static byte[] handshakeHeader(int type, int length) {
    return new byte[] {(byte) type, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
  }

  /** {@code message} cut into handshake records of at most 2^14 bytes each. */
  static byte[] handshakeRecords(byte[] message) {
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    for (int start = 0; start < message.length; start += MAX_PLAINTEXT) {
      int end = Math.min(message.length, start + MAX_PLAINTEXT);
      records.writeBytes(record(HANDSHAKE, Arrays.copyOfRange(message, start, end)));
    }
    return records.toByteArray();
  }

  /**
   * A TLS 1.2 Certificate message (RFC 5246 §7.4.2) carrying {@code certificates}, DER encoded, in
   * order.
   */
  static byte[] certificateMessage(List<byte[]> certificates) {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    for (byte[] der : certificates) {
      writeUint24(list, der.length);
      list.writeBytes(der);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeUint24(body, list.size());
    body.writeBytes(list.toByteArray());
    return handshake(CERTIFICATE, body.toByteArray());
  }

  /** A handshake record holding one empty HelloRequest (RFC 5246 §7.4.1.1). */
  static byte[] helloRequestRecord() {
    return record(HANDSHAKE, handshake(HELLO_REQUEST, new byte[0]));
  }

  /** A warning-level user_canceled alert record, which peers skip rather than fail on. */
  static byte[] warningAlertRecord() {
    return record(ALERT, new byte[] {WARNING, USER_CANCELED});
  }

  /** An application_data record with a full 2^14 bytes of made-up ciphertext. */
  static byte[] applicationDataRecord() {
    byte[] body = new byte[MAX_PLAINTEXT];
    Arrays.fill(body, (byte) 0xa5);
    return record(APPLICATION_DATA, body);
  }

  /**
   * A TLS 1.2 ServerHello record a BoringSSL or OpenSSL client accepts as the answer to its hello:
   * TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, no session id, an empty renegotiation_info.
   */
  static byte[] tls12ServerHelloRecord() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeShort(body, RECORD_VERSION);
    byte[] random = new byte[32];
    for (int i = 0; i < random.length; i++) {
      random[i] = (byte) (i * 7 + 1);
    }
    body.writeBytes(random);
    body.write(0);
    writeShort(body, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    body.write(0);
    byte[] extensions = {(byte) (RENEGOTIATION_INFO >>> 8), (byte) RENEGOTIATION_INFO, 0, 1, 0};
    writeShort(body, extensions.length);
    body.writeBytes(extensions);
    return record(HANDSHAKE, handshake(SERVER_HELLO, body.toByteArray()));
  }

  /**
   * A TLS 1.3 HelloRetryRequest record (RFC 8446 §4.1.4) answering a ClientHello with {@code
   * sessionId}: TLS_AES_128_GCM_SHA256, and a key share for secp384r1 asked for, a group the client
   * offers but sends no share for at first.
   */
  static byte[] helloRetryRequestRecord(byte[] sessionId) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeShort(body, RECORD_VERSION);
    body.writeBytes(HELLO_RETRY_REQUEST_RANDOM);
    body.write(sessionId.length);
    body.writeBytes(sessionId);
    writeShort(body, TLS_AES_128_GCM_SHA256);
    body.write(0);
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    writeShort(extensions, SUPPORTED_VERSIONS);
    writeShort(extensions, 2);
    writeShort(extensions, TLS13);
    writeShort(extensions, KEY_SHARE);
    writeShort(extensions, 2);
    writeShort(extensions, SECP384R1);
    writeShort(body, extensions.size());
    body.writeBytes(extensions.toByteArray());
    return record(HANDSHAKE, handshake(SERVER_HELLO, body.toByteArray()));
  }

  private static void writeHeader(byte[] target, int type, int length) {
    target[0] = (byte) type;
    target[1] = (byte) (RECORD_VERSION >>> 8);
    target[2] = (byte) RECORD_VERSION;
    target[3] = (byte) (length >>> 8);
    target[4] = (byte) length;
  }

  private static void writeUint24(ByteArrayOutputStream out, int value) {
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static void writeShort(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  private static byte[] hex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
