package io.tlsscan.tls;

import static io.tlsscan.tls.TlsWire.CONTENT_ALERT;
import static io.tlsscan.tls.TlsWire.CONTENT_CHANGE_CIPHER_SPEC;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_HELLO_REQUEST;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_NEW_SESSION_TICKET;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO_DONE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_KEY_EXCHANGE;
import static io.tlsscan.tls.TlsWire.SSL2_MT_ERROR;
import static io.tlsscan.tls.TlsWire.SSL2_MT_SERVER_HELLO;
import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a server's answer to a raw ClientHello and emits exactly one {@link ServerResponse}; all
 * later bytes are discarded.
 *
 * <pre>
 *  bytes ──► sniff (TLS? SSLv2? HTTP banner?) ──► whole records only ──► handshake reassembly
 *                                                   │                      │
 *                                                   ▼                      ▼
 *                                                 Alert            ServerHello / HRR
 *                                                                  [+ Certificate, SKE
 *                                                                   until ServerHelloDone,
 *                                                                   or a resumption's CCS]
 * </pre>
 *
 * <p>A probe is "build hello → write → this decoder gives one ServerResponse → close":
 *
 * <pre>{@code
 * pipeline.addLast(new ServerResponseDecoder(Scope.SERVER_HELLO), probeHandler);
 * channel.writeAndFlush(hello.toByteBuf());
 * // probeHandler.channelRead receives the ServerResponse, then closes the channel
 * }</pre>
 *
 * <p>Limits: records larger than 2^14 + 2048 bytes, more than {@link #MAX_RECORDS} records, or more
 * than {@link Scope#maxBytes()} bytes in total end the read. The decoder never consumes a partial
 * record, never throws for any input, and buffers at most {@code maxBytes} bytes. When the
 * connection closes first it emits {@link ServerResponse.Closed} (nothing was sent) or {@link
 * ServerResponse.Truncated}. Warning alerts other than close_notify before the ServerHello are
 * skipped. Not sharable: use one instance per channel.
 */
public final class ServerResponseDecoder extends ByteToMessageDecoder {
  /** Most certificates kept from a Certificate message. */
  public static final int MAX_CERTIFICATES = 16;

  /** Largest Certificate (or other handshake) message read: 256 KiB. */
  public static final int MAX_HANDSHAKE_MESSAGE = 256 * 1024;

  /** Most records read before giving up (a server sending one-byte records stays below it). */
  public static final int MAX_RECORDS = 4096;

  /** RFC 5246 §6.2.3: a TLSCiphertext fragment is at most 2^14 + 2048 bytes. */
  private static final int MAX_RECORD_LENGTH = (1 << 14) + 2048;

  private static final int RECORD_HEADER = 5;
  private static final int SSL2_RECORD_HEADER = 2;

  private static final int ALERT_WARNING = 1;

  /** How much of the server's answer a probe needs. */
  public enum Scope {
    /** Stop at the ServerHello, HelloRetryRequest or alert: enough for version and suite probes. */
    SERVER_HELLO(64 * 1024),
    /**
     * For TLS 1.2 and older also read Certificate and ServerKeyExchange up to ServerHelloDone (TLS
     * 1.3 encrypts them, so there it stops at the ServerHello).
     */
    SERVER_FLIGHT(64 * 1024 + MAX_HANDSHAKE_MESSAGE);

    private final int maxBytes;

    Scope(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    /** Most bytes read from the server in this scope. */
    public int maxBytes() {
      return maxBytes;
    }
  }

  private final Scope scope;
  private boolean sniffed;
  private boolean sslv2;
  private boolean done;
  private long consumed;
  private int records;
  private ByteBuf handshake;
  private ServerResponse.ServerHello pendingHello;
  private final List<byte[]> certificates = new ArrayList<>();
  private Optional<KeyExchangeParameters> keyExchange = Optional.empty();
  private OptionalInt signatureScheme = OptionalInt.empty();

  /** Whether every handshake message since the ServerHello was a NewSessionTicket. */
  private boolean onlyTicketsSinceHello = true;

  /** A decoder that reads as much as {@code scope} asks for. */
  public ServerResponseDecoder(Scope scope) {
    this.scope = requireNonNull(scope, "scope");
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (done) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (!sniffed && !sniff(in, out)) {
      return;
    }
    if (sslv2) {
      decodeSslv2(in, out);
    } else {
      decodeRecords(ctx, in, out);
    }
    if (!done && consumed + in.readableBytes() > scope.maxBytes()) {
      fail(out, "server sent more than " + scope.maxBytes() + " bytes");
    }
    if (done) {
      in.skipBytes(in.readableBytes());
    }
  }

  /** Returns true when records can be read; emits NotTls or waits otherwise. */
  private boolean sniff(ByteBuf in, List<Object> out) {
    TlsRecordSniffer.Verdict verdict = TlsRecordSniffer.sniff(in);
    if (verdict instanceof TlsRecordSniffer.Verdict.NotTls notTls) {
      finish(out, new ServerResponse.NotTls(notTls.description()));
      in.skipBytes(in.readableBytes());
      return false;
    }
    if (verdict instanceof TlsRecordSniffer.Verdict.NeedMoreBytes) {
      return false;
    }
    sniffed = true;
    sslv2 = (in.getUnsignedByte(in.readerIndex()) & 0x80) != 0;
    return true;
  }

  private void decodeRecords(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!done && in.readableBytes() >= RECORD_HEADER) {
      int start = in.readerIndex();
      int type = in.getUnsignedByte(start);
      int major = in.getUnsignedByte(start + 1);
      int length = in.getUnsignedShort(start + 3);
      if (major != 3) {
        fail(out, String.format("record with version major %d after %d bytes", major, consumed));
        return;
      }
      if (length > MAX_RECORD_LENGTH) {
        fail(out, "record of " + length + " bytes exceeds " + MAX_RECORD_LENGTH);
        return;
      }
      if (in.readableBytes() < RECORD_HEADER + length) {
        return;
      }
      in.skipBytes(RECORD_HEADER);
      ByteBuf payload = in.readSlice(length);
      consumed += RECORD_HEADER + length;
      if (++records > MAX_RECORDS) {
        fail(out, "more than " + MAX_RECORDS + " records");
        return;
      }
      onRecord(ctx, type, payload, out);
    }
  }

  private void onRecord(ChannelHandlerContext ctx, int type, ByteBuf payload, List<Object> out) {
    if (type == CONTENT_CHANGE_CIPHER_SPEC && resumes()) {
      finishFlight(
          out, Optional.of("ChangeCipherSpec after the ServerHello: a resumed session"), true);
      return;
    }
    switch (type) {
      case CONTENT_ALERT -> onAlert(payload, out);
      case CONTENT_HANDSHAKE -> onHandshake(ctx, payload, out);
      default -> {
        String what =
            type == CONTENT_CHANGE_CIPHER_SPEC ? "ChangeCipherSpec" : "record of type " + type;
        fail(out, what + " before " + (pendingHello == null ? "ServerHello" : "ServerHelloDone"));
      }
    }
  }

  /**
   * Whether a ChangeCipherSpec now ends an abbreviated handshake: it follows the ServerHello and at
   * most NewSessionTickets, with no message left half-read.
   */
  private boolean resumes() {
    return pendingHello != null
        && onlyTicketsSinceHello
        && (handshake == null || !handshake.isReadable());
  }

  private void onAlert(ByteBuf payload, List<Object> out) {
    if (payload.readableBytes() < 2) {
      fail(out, "alert record of " + payload.readableBytes() + " bytes");
      return;
    }
    int level = payload.getUnsignedByte(payload.readerIndex());
    int description = payload.getUnsignedByte(payload.readerIndex() + 1);
    boolean skippableWarning =
        level == ALERT_WARNING && description != AlertDescription.CLOSE_NOTIFY.code();
    if (pendingHello != null) {
      finishFlight(
          out,
          Optional.of("alert " + AlertDescription.nameOf(description) + " before ServerHelloDone"),
          OptionalInt.of(description),
          false,
          false);
    } else if (!skippableWarning) {
      finish(out, new ServerResponse.Alert(level, description));
    }
  }

  private void onHandshake(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
    if (handshake == null) {
      handshake = ctx.alloc().heapBuffer(Math.max(payload.readableBytes(), 256));
    }
    handshake.writeBytes(payload);
    while (!done && handshake.readableBytes() >= 4) {
      int start = handshake.readerIndex();
      int messageType = handshake.getUnsignedByte(start);
      int length = handshake.getUnsignedMedium(start + 1);
      if (length > MAX_HANDSHAKE_MESSAGE) {
        fail(out, "handshake message " + messageType + " of " + length + " bytes");
        return;
      }
      if (handshake.readableBytes() < 4 + length) {
        break;
      }
      handshake.skipBytes(4);
      ByteBuf body = handshake.readSlice(length);
      try {
        onHandshakeMessage(messageType, body, out);
      } catch (MalformedMessageException e) {
        fail(out, e.getMessage());
      }
    }
    if (handshake != null) {
      handshake.discardReadBytes();
    }
  }

  private void onHandshakeMessage(int type, ByteBuf body, List<Object> out)
      throws MalformedMessageException {
    if (pendingHello == null) {
      if (type == HANDSHAKE_HELLO_REQUEST) {
        return;
      }
      if (type != HANDSHAKE_SERVER_HELLO) {
        throw new MalformedMessageException("handshake message " + type + " before ServerHello");
      }
      ServerResponse response = ServerHelloParser.parse(body);
      if (response instanceof ServerResponse.ServerHello hello
          && scope == Scope.SERVER_FLIGHT
          && hello.version() != ProtocolVersion.TLSv1_3) {
        pendingHello = hello;
      } else {
        finish(out, response);
      }
      return;
    }
    onlyTicketsSinceHello &= type == HANDSHAKE_NEW_SESSION_TICKET;
    switch (type) {
      case HANDSHAKE_CERTIFICATE ->
          ServerFlightParser.certificates(body, MAX_CERTIFICATES, certificates);
      case HANDSHAKE_SERVER_KEY_EXCHANGE -> {
        Optional<CipherSuite> suite = pendingHello.suite();
        if (suite.isPresent()) {
          if (pendingHello.version() == ProtocolVersion.TLSv1_2) {
            signatureScheme = signatureScheme(body.duplicate(), suite.get());
          }
          keyExchange = ServerFlightParser.keyExchange(body, suite.get());
        }
      }
      case HANDSHAKE_SERVER_HELLO_DONE -> finishFlight(out, Optional.empty(), false);
      default -> {
        // CertificateStatus, CertificateRequest and others are not reported.
      }
    }
  }

  /** The signature algorithm, or empty when it cannot be read: that spoils no other fact. */
  private static OptionalInt signatureScheme(ByteBuf body, CipherSuite suite) {
    try {
      return ServerFlightParser.signatureScheme(body, suite);
    } catch (MalformedMessageException e) {
      return OptionalInt.empty();
    }
  }

  private void decodeSslv2(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < SSL2_RECORD_HEADER) {
      return;
    }
    int start = in.readerIndex();
    int length = ((in.getUnsignedByte(start) & 0x7f) << 8) | in.getUnsignedByte(start + 1);
    if (in.readableBytes() < SSL2_RECORD_HEADER + length) {
      return;
    }
    in.skipBytes(SSL2_RECORD_HEADER);
    ByteBuf body = in.readSlice(length);
    consumed += SSL2_RECORD_HEADER + length;
    try {
      finish(out, parseSslv2(body));
    } catch (MalformedMessageException e) {
      fail(out, "SSLv2: " + e.getMessage());
    }
  }

  private static ServerResponse parseSslv2(ByteBuf body) throws MalformedMessageException {
    MalformedMessageException.require(body, 1, "message type");
    int type = body.readUnsignedByte();
    if (type == SSL2_MT_ERROR) {
      MalformedMessageException.require(body, 2, "error code");
      return new ServerResponse.Sslv2Error(body.readUnsignedShort());
    }
    if (type != SSL2_MT_SERVER_HELLO) {
      throw new MalformedMessageException("message type " + type + " instead of SERVER-HELLO");
    }
    MalformedMessageException.require(body, 10, "SERVER-HELLO header");
    body.skipBytes(1 + 1 + 2); // session-id-hit, certificate type, server version
    int certificateLength = body.readUnsignedShort();
    int specsLength = body.readUnsignedShort();
    int connectionIdLength = body.readUnsignedShort();
    if (specsLength % 3 != 0) {
      throw new MalformedMessageException("cipher specs length " + specsLength);
    }
    MalformedMessageException.require(
        body, certificateLength + specsLength + connectionIdLength, "SERVER-HELLO data");
    byte[] certificate = new byte[certificateLength];
    body.readBytes(certificate);
    List<Integer> specs = new ArrayList<>(specsLength / 3);
    for (int i = 0; i < specsLength / 3; i++) {
      specs.add(body.readUnsignedMedium());
    }
    return new ServerResponse.Sslv2ServerHello(specs, certificate);
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (!done && in.isReadable()) {
      decode(ctx, in, out);
    }
    if (done) {
      return;
    }
    if (pendingHello != null) {
      finishFlight(
          out,
          Optional.of("connection closed before ServerHelloDone"),
          OptionalInt.empty(),
          true,
          false);
    } else if (consumed == 0 && !in.isReadable()) {
      finish(out, new ServerResponse.Closed());
    } else if (!sniffed) {
      String description = TlsRecordSniffer.nonTlsDescription(in).orElse(null);
      finish(
          out,
          description != null
              ? new ServerResponse.NotTls(description)
              : new ServerResponse.Truncated(
                  "connection closed after " + in.readableBytes() + " bytes of a record header"));
    } else {
      finish(
          out,
          new ServerResponse.Truncated(
              "connection closed after "
                  + (consumed + in.readableBytes())
                  + " bytes, before the ServerHello was complete"));
    }
    in.skipBytes(in.readableBytes());
  }

  /** Ends with Malformed, or, once a ServerHello was read, with it and the partial flight. */
  private void fail(List<Object> out, String reason) {
    if (pendingHello != null) {
      finishFlight(out, Optional.of(reason), false);
    } else {
      finish(out, new ServerResponse.Malformed(reason));
    }
  }

  private void finishFlight(List<Object> out, Optional<String> incompleteReason, boolean resumed) {
    finishFlight(out, incompleteReason, OptionalInt.empty(), false, resumed);
  }

  private void finishFlight(
      List<Object> out,
      Optional<String> incompleteReason,
      OptionalInt alert,
      boolean closed,
      boolean resumed) {
    finish(
        out,
        pendingHello.withFlight(
            new ServerFlight(
                certificates,
                keyExchange,
                signatureScheme,
                incompleteReason,
                alert,
                closed,
                resumed)));
  }

  private void finish(List<Object> out, ServerResponse response) {
    done = true;
    out.add(response);
    releaseHandshake();
  }

  @Override
  protected void handlerRemoved0(ChannelHandlerContext ctx) {
    releaseHandshake();
  }

  private void releaseHandshake() {
    if (handshake != null) {
      handshake.release();
      handshake = null;
    }
    certificates.clear();
  }
}
