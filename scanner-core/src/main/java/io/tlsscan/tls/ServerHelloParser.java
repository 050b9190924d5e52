package io.tlsscan.tls;

import static io.tlsscan.tls.MalformedMessageException.require;
import static io.tlsscan.tls.TlsWire.EXT_ALPN;
import static io.tlsscan.tls.TlsWire.EXT_KEY_SHARE;
import static io.tlsscan.tls.TlsWire.EXT_RENEGOTIATION_INFO;
import static io.tlsscan.tls.TlsWire.EXT_SUPPORTED_VERSIONS;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/** Parses the body of a ServerHello handshake message (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3). */
final class ServerHelloParser {
  /** SHA-256 of "HelloRetryRequest": the random of a HelloRetryRequest (RFC 8446 §4.1.3). */
  private static final byte[] HELLO_RETRY_REQUEST_RANDOM = {
    (byte) 0xCF,
    0x21,
    (byte) 0xAD,
    0x74,
    (byte) 0xE5,
    (byte) 0x9A,
    0x61,
    0x11,
    (byte) 0xBE,
    0x1D,
    (byte) 0x8C,
    0x02,
    0x1E,
    0x65,
    (byte) 0xB8,
    (byte) 0x91,
    (byte) 0xC2,
    (byte) 0xA2,
    0x11,
    0x16,
    0x7A,
    (byte) 0xBB,
    (byte) 0x8C,
    0x5E,
    0x07,
    (byte) 0x9E,
    0x09,
    (byte) 0xE2,
    (byte) 0xC8,
    (byte) 0xA8,
    0x33,
    (byte) 0x9C
  };

  private ServerHelloParser() {}

  /** Returns a {@link ServerResponse.ServerHello} or a {@link ServerResponse.HelloRetryRequest}. */
  static ServerResponse parse(ByteBuf body) throws MalformedMessageException {
    return parse(body, ProtocolVersion::byWireCode);
  }

  /**
   * Parses a ServerHello whose version codes {@code versionByCode} reads: DTLS's ({@code 0xFEFD})
   * become the TLS version they carry.
   */
  static ServerResponse parse(ByteBuf body, IntFunction<Optional<ProtocolVersion>> versionByCode)
      throws MalformedMessageException {
    require(body, 2 + 32 + 1, "ServerHello version, random and session id length");
    int legacyVersion = body.readUnsignedShort();
    boolean retry = isHelloRetryRandom(body, body.readerIndex());
    body.skipBytes(32);
    int sessionIdLength = body.readUnsignedByte();
    if (sessionIdLength > 32) {
      throw new MalformedMessageException("session id of " + sessionIdLength + " bytes");
    }
    require(body, sessionIdLength, "session id");
    byte[] sessionId = new byte[sessionIdLength];
    body.readBytes(sessionId);
    require(body, 3, "cipher suite and compression method");
    int cipherSuite = body.readUnsignedShort();
    int compression = body.readUnsignedByte();

    List<Integer> extensionTypes = new ArrayList<>();
    OptionalInt selectedVersion = OptionalInt.empty();
    OptionalInt keyShareGroup = OptionalInt.empty();
    boolean secureRenegotiation = false;
    Optional<String> applicationProtocol = Optional.empty();
    if (body.isReadable()) {
      require(body, 2, "extensions length");
      int extensionsLength = body.readUnsignedShort();
      require(body, extensionsLength, "extensions");
      ByteBuf extensions = body.readSlice(extensionsLength);
      while (extensions.isReadable()) {
        require(extensions, 4, "extension header");
        int type = extensions.readUnsignedShort();
        int length = extensions.readUnsignedShort();
        require(extensions, length, "extension " + type);
        ByteBuf data = extensions.readSlice(length);
        extensionTypes.add(type);
        switch (type) {
          case EXT_SUPPORTED_VERSIONS -> {
            require(data, 2, "supported_versions");
            selectedVersion = OptionalInt.of(data.readUnsignedShort());
          }
          case EXT_KEY_SHARE -> {
            require(data, 2, "key_share group");
            keyShareGroup = OptionalInt.of(data.readUnsignedShort());
          }
          case EXT_RENEGOTIATION_INFO -> secureRenegotiation = true;
          case EXT_ALPN -> applicationProtocol = Optional.of(selectedProtocol(data));
          default -> {
            // Only the presence of other extensions is reported.
          }
        }
      }
    }
    if (retry) {
      return new ServerResponse.HelloRetryRequest(keyShareGroup, cipherSuite);
    }
    int versionCode = selectedVersion.orElse(legacyVersion);
    Optional<ProtocolVersion> version = versionByCode.apply(versionCode);
    if (version.isEmpty() || version.get() == ProtocolVersion.SSLv2) {
      throw new MalformedMessageException(
          String.format("server chose unknown version 0x%04x", versionCode));
    }
    return new ServerResponse.ServerHello(
        version.get(),
        cipherSuite,
        compression,
        sessionId,
        keyShareGroup,
        extensionTypes,
        secureRenegotiation,
        applicationProtocol,
        Optional.empty());
  }

  /** The one protocol name of a ServerHello's ALPN extension (RFC 7301 section 3.1). */
  private static String selectedProtocol(ByteBuf data) throws MalformedMessageException {
    require(data, 3, "ALPN list and name lengths");
    int listLength = data.readUnsignedShort();
    int nameLength = data.readUnsignedByte();
    if (nameLength == 0 || listLength != 1 + nameLength) {
      throw new MalformedMessageException("ALPN selection is not one protocol name");
    }
    require(data, nameLength, "ALPN protocol name");
    String name = data.readCharSequence(nameLength, StandardCharsets.US_ASCII).toString();
    if (data.isReadable()) {
      throw new MalformedMessageException("bytes after the ALPN selection");
    }
    return name;
  }

  /** Whether the 32 bytes of {@code buf} at {@code index} are the HelloRetryRequest's random. */
  static boolean isHelloRetryRandom(ByteBuf buf, int index) {
    for (int i = 0; i < HELLO_RETRY_REQUEST_RANDOM.length; i++) {
      if (buf.getByte(index + i) != HELLO_RETRY_REQUEST_RANDOM[i]) {
        return false;
      }
    }
    return true;
  }
}
