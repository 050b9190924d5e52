package io.tlsscan.tls;

import static io.tlsscan.tls.DtlsRecords.HANDSHAKE_HEADER;
import static io.tlsscan.tls.DtlsRecords.RECORD_HEADER;
import static io.tlsscan.tls.TlsWire.CONTENT_ALERT;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_HELLO_REQUEST;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO_DONE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_KEY_EXCHANGE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a DTLS server's datagrams after a raw ClientHello (RFC 6347): records of epoch 0, handshake
 * messages reassembled from their fragments (in any order, duplicates allowed), then parsed by the
 * same parsers as TLS's ({@link ServerHelloParser}, {@link ServerFlightParser}). Feed it each
 * datagram; it tells once it knows: a {@link DtlsAnswer.Cookie} to resend the hello with, or the
 * {@link DtlsAnswer.Response}. With {@code wholeFlight} it reads on to ServerHelloDone for the
 * certificates and the key exchange.
 *
 * <p>Bounded like {@link ServerResponseDecoder}: bytes in all, records, the size of one message,
 * and how many messages are being reassembled at once. Not thread-safe; one per exchange.
 */
public final class DtlsFlightReader {
  private static final int HANDSHAKE_HELLO_VERIFY_REQUEST = 3;
  private static final int ALERT_WARNING = 1;

  /** Messages being reassembled or waiting their turn at once. */
  private static final int MAX_PENDING_MESSAGES = 32;

  private final boolean wholeFlight;
  private final int maxBytes;
  private long consumed;
  private int records;
  private int pendingBytes;
  private final Map<Integer, Message> messages = new HashMap<>();
  private ServerResponse.ServerHello pendingHello;
  private int nextSeq;
  private final List<byte[]> certificates = new ArrayList<>();
  private Optional<KeyExchangeParameters> keyExchange = Optional.empty();
  private boolean done;

  /**
   * @param wholeFlight read up to ServerHelloDone (certificates, key exchange), not only the
   *     ServerHello
   */
  public DtlsFlightReader(boolean wholeFlight) {
    this.wholeFlight = wholeFlight;
    this.maxBytes =
        (wholeFlight
                ? ServerResponseDecoder.Scope.SERVER_FLIGHT
                : ServerResponseDecoder.Scope.SERVER_HELLO)
            .maxBytes();
  }

  /** Most bytes this reader takes in all; a server that sends more gets a Malformed answer. */
  public int maxBytes() {
    return maxBytes;
  }

  /** Reads one datagram; the answer once there is one (then nothing more is read). */
  public Optional<DtlsAnswer> read(byte[] datagram, int length) {
    if (done) {
      return Optional.empty();
    }
    consumed += length;
    if (consumed > maxBytes) {
      return finish(fail("server sent more than " + maxBytes + " bytes"));
    }
    ByteBuf in = Unpooled.wrappedBuffer(datagram, 0, length);
    if (records == 0 && !looksLikeDtls(in)) {
      return finish(
          new ServerResponse.NotTls(
              "a datagram that is not DTLS (first bytes "
                  + HexFormat.of().formatHex(datagram, 0, Math.min(length, 8))
                  + ")"));
    }
    try {
      while (in.readableBytes() >= RECORD_HEADER) {
        Optional<DtlsAnswer> answer = record(in);
        if (answer.isPresent()) {
          return answer;
        }
      }
      return Optional.empty();
    } catch (MalformedMessageException e) {
      return finish(fail(e.getMessage()));
    }
  }

  private static boolean looksLikeDtls(ByteBuf in) {
    if (in.readableBytes() < RECORD_HEADER) {
      return false;
    }
    int type = in.getUnsignedByte(0);
    return (type == CONTENT_HANDSHAKE || type == CONTENT_ALERT) && in.getUnsignedByte(1) == 0xFE;
  }

  private Optional<DtlsAnswer> record(ByteBuf in) throws MalformedMessageException {
    int type = in.readUnsignedByte();
    int major = in.readUnsignedByte();
    in.skipBytes(1); // minor version
    int epoch = in.readUnsignedShort();
    in.skipBytes(6); // sequence number
    int length = in.readUnsignedShort();
    if (major != 0xFE) {
      throw new MalformedMessageException(String.format("record with version major 0x%02x", major));
    }
    MalformedMessageException.require(in, length, "record");
    ByteBuf payload = in.readSlice(length);
    if (++records > ServerResponseDecoder.MAX_RECORDS) {
      throw new MalformedMessageException(
          "more than " + ServerResponseDecoder.MAX_RECORDS + " records");
    }
    if (epoch != 0) {
      return Optional.empty(); // encrypted: nothing a first flight holds
    }
    if (type == CONTENT_ALERT) {
      return alert(payload);
    }
    if (type != CONTENT_HANDSHAKE) {
      throw new MalformedMessageException(
          "record of type "
              + type
              + " before "
              + (pendingHello == null ? "ServerHello" : "ServerHelloDone"));
    }
    while (payload.isReadable()) {
      Optional<DtlsAnswer> answer = fragment(payload);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  private Optional<DtlsAnswer> alert(ByteBuf payload) throws MalformedMessageException {
    MalformedMessageException.require(payload, 2, "alert");
    int level = payload.readUnsignedByte();
    int description = payload.readUnsignedByte();
    if (level == ALERT_WARNING && description != AlertDescription.CLOSE_NOTIFY.code()) {
      return Optional.empty();
    }
    if (pendingHello != null) {
      throw new MalformedMessageException(
          "alert " + AlertDescription.nameOf(description) + " before ServerHelloDone");
    }
    return finish(new ServerResponse.Alert(level, description));
  }

  private Optional<DtlsAnswer> fragment(ByteBuf payload) throws MalformedMessageException {
    MalformedMessageException.require(payload, HANDSHAKE_HEADER, "handshake fragment header");
    int type = payload.readUnsignedByte();
    int length = payload.readUnsignedMedium();
    int seq = payload.readUnsignedShort();
    int offset = payload.readUnsignedMedium();
    int fragmentLength = payload.readUnsignedMedium();
    MalformedMessageException.require(payload, fragmentLength, "handshake fragment");
    ByteBuf data = payload.readSlice(fragmentLength);
    if (length > ServerResponseDecoder.MAX_HANDSHAKE_MESSAGE) {
      throw new MalformedMessageException("handshake message " + type + " of " + length + " bytes");
    }
    if ((long) offset + fragmentLength > length) {
      throw new MalformedMessageException(
          "fragment " + offset + "+" + fragmentLength + " of a " + length + "-byte message");
    }
    if (pendingHello != null && seq < nextSeq) {
      return Optional.empty(); // a retransmission of what was read
    }
    Message message = messages.get(seq);
    if (message == null) {
      if (messages.size() >= MAX_PENDING_MESSAGES || pendingBytes + length > maxBytes) {
        throw new MalformedMessageException("too many handshake messages in reassembly");
      }
      message = new Message(type, new byte[length], new BitSet(length));
      messages.put(seq, message);
      pendingBytes += length;
    } else if (message.type != type || message.body.length != length) {
      throw new MalformedMessageException("fragments of message " + seq + " disagree");
    }
    data.readBytes(message.body, offset, fragmentLength);
    message.received.set(offset, offset + fragmentLength);
    return deliver(seq);
  }

  /** Parses every message that is complete and whose turn it is. */
  private Optional<DtlsAnswer> deliver(int seq) throws MalformedMessageException {
    if (pendingHello == null) {
      Message message = messages.get(seq);
      if (!message.complete()) {
        return Optional.empty();
      }
      remove(seq);
      ByteBuf body = Unpooled.wrappedBuffer(message.body);
      switch (message.type) {
        case HANDSHAKE_HELLO_VERIFY_REQUEST -> {
          MalformedMessageException.require(body, 3, "HelloVerifyRequest");
          body.skipBytes(2);
          int cookieLength = body.readUnsignedByte();
          MalformedMessageException.require(body, cookieLength, "cookie");
          byte[] cookie = new byte[cookieLength];
          body.readBytes(cookie);
          return Optional.of(new DtlsAnswer.Cookie(cookie));
        }
        case HANDSHAKE_SERVER_HELLO -> {
          ServerResponse response = ServerHelloParser.parse(body, DtlsFlightReader::carried);
          if (!(response instanceof ServerResponse.ServerHello hello) || !wholeFlight) {
            return finish(response);
          }
          pendingHello = hello;
          nextSeq = seq + 1;
          messages.keySet().removeIf(other -> other < nextSeq);
        }
        case HANDSHAKE_HELLO_REQUEST -> {
          return Optional.empty();
        }
        default ->
            throw new MalformedMessageException(
                "handshake message " + message.type + " before ServerHello");
      }
    }
    while (messages.containsKey(nextSeq) && messages.get(nextSeq).complete()) {
      Message message = remove(nextSeq++);
      ByteBuf body = Unpooled.wrappedBuffer(message.body);
      switch (message.type) {
        case HANDSHAKE_CERTIFICATE ->
            ServerFlightParser.certificates(
                body, ServerResponseDecoder.MAX_CERTIFICATES, certificates);
        case HANDSHAKE_SERVER_KEY_EXCHANGE -> {
          Optional<CipherSuite> suite = pendingHello.suite();
          if (suite.isPresent()) {
            keyExchange = ServerFlightParser.keyExchange(body, suite.get());
          }
        }
        case HANDSHAKE_SERVER_HELLO_DONE -> {
          return finish(flight(Optional.empty()));
        }
        default -> {
          // CertificateStatus, CertificateRequest and others are not reported.
        }
      }
    }
    return Optional.empty();
  }

  private Message remove(int seq) {
    Message message = messages.remove(seq);
    pendingBytes -= message.body.length;
    return message;
  }

  private static Optional<ProtocolVersion> carried(int code) {
    return DtlsVersion.byWireCode(code).map(DtlsVersion::tls);
  }

  /**
   * The answer when the server went silent after part of its flight: the ServerHello with what came
   * of the rest, else nothing.
   */
  public Optional<ServerResponse> partial(String reason) {
    return pendingHello == null || done
        ? Optional.empty()
        : Optional.of(flight(Optional.of(reason)));
  }

  private ServerResponse fail(String reason) {
    return pendingHello != null
        ? flight(Optional.of(reason))
        : new ServerResponse.Malformed(reason);
  }

  private ServerResponse flight(Optional<String> incompleteReason) {
    return pendingHello.withFlight(
        new ServerFlight(
            certificates,
            keyExchange,
            OptionalInt.empty(),
            incompleteReason,
            OptionalInt.empty(),
            false,
            false));
  }

  private Optional<DtlsAnswer> finish(ServerResponse response) {
    done = true;
    messages.clear();
    return Optional.of(new DtlsAnswer.Response(response));
  }

  /** A handshake message being reassembled. */
  private record Message(int type, byte[] body, BitSet received) {
    boolean complete() {
      return received.cardinality() == body.length;
    }
  }
}
