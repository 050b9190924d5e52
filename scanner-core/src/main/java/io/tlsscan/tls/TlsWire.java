package io.tlsscan.tls;

/**
 * Numbers of the TLS and SSLv2 wire formats that the hello builder and the parsers of the server's
 * answer both use: record content types and handshake message types (RFC 8446 §5.1, §4), SSLv2
 * message types (the SSLv2 draft, appendix B) and extension types (IANA TLS ExtensionType Values).
 */
final class TlsWire {
  static final int CONTENT_CHANGE_CIPHER_SPEC = 20;
  static final int CONTENT_ALERT = 21;
  static final int CONTENT_HANDSHAKE = 22;
  static final int CONTENT_APPLICATION_DATA = 23;
  static final int ALERT_WARNING = 1;

  static final int HANDSHAKE_HELLO_REQUEST = 0;
  static final int HANDSHAKE_CLIENT_HELLO = 1;
  static final int HANDSHAKE_SERVER_HELLO = 2;
  static final int HANDSHAKE_NEW_SESSION_TICKET = 4;
  static final int HANDSHAKE_CERTIFICATE = 11;
  static final int HANDSHAKE_SERVER_KEY_EXCHANGE = 12;
  static final int HANDSHAKE_CERTIFICATE_REQUEST = 13;
  static final int HANDSHAKE_SERVER_HELLO_DONE = 14;
  static final int HANDSHAKE_CLIENT_KEY_EXCHANGE = 16;
  static final int HANDSHAKE_FINISHED = 20;

  static final int SSL2_MT_ERROR = 0;
  static final int SSL2_MT_CLIENT_HELLO = 1;
  static final int SSL2_MT_SERVER_HELLO = 4;

  static final int EXT_SERVER_NAME = 0;
  static final int EXT_SUPPORTED_GROUPS = 10;
  static final int EXT_EC_POINT_FORMATS = 11;
  static final int EXT_SIGNATURE_ALGORITHMS = 13;
  static final int EXT_HEARTBEAT = 15;
  static final int EXT_ALPN = 16;
  static final int EXT_PADDING = 21;
  static final int EXT_EXTENDED_MASTER_SECRET = 23;
  static final int EXT_SESSION_TICKET = 35;
  static final int EXT_SUPPORTED_VERSIONS = 43;
  static final int EXT_PSK_KEY_EXCHANGE_MODES = 45;
  static final int EXT_KEY_SHARE = 51;
  static final int EXT_RENEGOTIATION_INFO = 0xff01;

  private TlsWire() {}
}
