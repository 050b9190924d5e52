package io.tlsscan.tls;

import static io.tlsscan.tls.MalformedMessageException.require;
import static io.tlsscan.tls.TlsWire.CONTENT_ALERT;
import static io.tlsscan.tls.TlsWire.CONTENT_APPLICATION_DATA;
import static io.tlsscan.tls.TlsWire.CONTENT_CHANGE_CIPHER_SPEC;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE_REQUEST;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_FINISHED;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_NEW_SESSION_TICKET;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The client side of a TLS 1.3 full handshake (RFC 8446) carried on until the server's first
 * NewSessionTicket: a hello with key shares for the {@link #GROUPS} asked for, offering {@link
 * #SUITES}; the server's encrypted flight is decrypted, the client answers with its Finished (after
 * an empty Certificate if one is asked for), and what the server sends next under its application
 * keys is read for NewSessionTicket (section 4.6.1), with its lifetime and early_data extension.
 * The server's certificate, signature and Finished are not checked: nothing here trusts the
 * connection. When the server stays silent after the client's Finished, that is {@link
 * Tls13TicketOutcome.NotIssued}. Records wait at most {@link Tls12FullHandshake#MAX_INBOUND_BYTES}
 * at once; the connection's read limit bounds the rest.
 */
public final class Tls13TicketExchange extends RecordConversation<Tls13TicketOutcome> {
  /** The suites offered: those this class can finish a handshake with. */
  public static final List<CipherSuite> SUITES =
      List.of(
          CipherSuite.TLS_AES_128_GCM_SHA256,
          CipherSuite.TLS_AES_256_GCM_SHA384,
          CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

  /** The groups it can offer key shares for. */
  public static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1);

  private static final int EXT_EARLY_DATA = 42;
  private static final int MAX_RECORD = (1 << 14) + 256;

  private enum State {
    SERVER_HELLO,
    SERVER_FLIGHT,
    AWAIT_TICKET
  }

  private final ClientHello hello;
  private final Map<NamedGroup, EphemeralKeyAgreement> shares = new LinkedHashMap<>();
  private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
  private State state = State.SERVER_HELLO;
  private CipherSuite suite;
  private NamedGroup group;
  private Tls13KeySchedule schedule;
  private byte[] handshakeSecret;
  private byte[] clientHandshakeSecret;
  private byte[] resumptionSecret;
  private Tls13KeySchedule.Protection serverKeys;
  private boolean certificateRequested;

  /**
   * @param serverName the SNI name, or {@code null} for none
   * @param groups the groups to offer, each with a key share: some of {@link #GROUPS} (a server
   *     known to accept one of them needs no other, and a key share costs a key pair)
   */
  public Tls13TicketExchange(String serverName, List<NamedGroup> groups, SecureRandom random) {
    super(MAX_RECORD);
    if (groups.isEmpty() || !GROUPS.containsAll(groups)) {
      throw new IllegalArgumentException("no key shares for " + groups);
    }
    Map<NamedGroup, byte[]> publicValues = new LinkedHashMap<>();
    for (NamedGroup group : groups) {
      EphemeralKeyAgreement share = EphemeralKeyAgreement.generate(group, random);
      shares.put(group, share);
      publicValues.put(group, share.publicValue());
    }
    byte[] clientRandom = new byte[32];
    byte[] sessionId = new byte[32];
    random.nextBytes(clientRandom);
    random.nextBytes(sessionId);
    byte[] message =
        Tls13Hello.message(clientRandom, sessionId, SUITES, serverName, publicValues, null, 0);
    transcript.writeBytes(message);
    hello =
        new ClientHello(
            ProtocolVersion.TLSv1_3,
            SUITES,
            List.of(),
            List.copyOf(shares.keySet()),
            List.copyOf(shares.keySet()),
            TlsRecord.encode(CONTENT_HANDSHAKE, ProtocolVersion.TLSv1_0.wireCode(), message));
  }

  /**
   * A hello offering {@code ticket} as a PSK (with (EC)DHE, psk_dhe_ke) and its binder, for the
   * ticket's suite only, with a key share for the session's group, to see whether the server
   * resumes from it: its ServerHello then carries pre_shared_key (RFC 8446 section 4.2.11).
   */
  public static ClientHello resuming(Tls13Ticket ticket, String serverName, SecureRandom random) {
    NamedGroup group = ticket.group();
    byte[] clientRandom = new byte[32];
    byte[] sessionId = new byte[32];
    random.nextBytes(clientRandom);
    random.nextBytes(sessionId);
    long ageMillis = (System.nanoTime() - ticket.receivedNanos()) / 1_000_000;
    long obfuscatedAge = (ageMillis + ticket.ageAdd()) & 0xFFFFFFFFL;
    EphemeralKeyAgreement share = EphemeralKeyAgreement.generate(group, random);
    List<CipherSuite> suites = List.of(ticket.suite());
    byte[] message =
        Tls13Hello.message(
            clientRandom,
            sessionId,
            suites,
            serverName,
            Map.of(group, share.publicValue()),
            ticket,
            obfuscatedAge);
    return new ClientHello(
        ProtocolVersion.TLSv1_3,
        suites,
        List.of(),
        List.of(group),
        List.of(group),
        TlsRecord.encode(CONTENT_HANDSHAKE, ProtocolVersion.TLSv1_0.wireCode(), message));
  }

  @Override
  public ClientHello hello() {
    return hello;
  }

  @Override
  Tls13TicketOutcome closedBeforeOutcome() {
    return state == State.AWAIT_TICKET
        ? new Tls13TicketOutcome.NotIssued()
        : new Tls13TicketOutcome.Failed("connection closed before the server's Finished");
  }

  @Override
  Optional<Tls13TicketOutcome> silentBeforeOutcome() {
    return state == State.AWAIT_TICKET
        ? Optional.of(new Tls13TicketOutcome.NotIssued())
        : Optional.empty();
  }

  @Override
  void fail(String reason) {
    finish(new Tls13TicketOutcome.Failed(reason));
  }

  @Override
  void onRecord(ServerStream.Record record, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    byte[] header = record.header();
    byte[] payload = record.fragment();
    int type = header[0] & 0xFF;
    if (type == CONTENT_ALERT && payload.length >= 2) {
      finish(alert(payload[1]));
      return;
    }
    if (state == State.SERVER_HELLO) {
      if (type != CONTENT_HANDSHAKE) {
        throw new MalformedMessageException("record of type " + type + " before ServerHello");
      }
      onHandshakeBytes(payload, reply);
      return;
    }
    if (type == CONTENT_CHANGE_CIPHER_SPEC) {
      return; // middlebox compatibility (RFC 8446 appendix D.4)
    }
    if (type != CONTENT_APPLICATION_DATA) {
      throw new MalformedMessageException("unprotected record of type " + type);
    }
    byte[] inner = serverKeys.open(header, payload);
    int end = inner.length;
    while (end > 0 && inner[end - 1] == 0) {
      end--;
    }
    if (end == 0) {
      throw new MalformedMessageException("a protected record without content type");
    }
    int innerType = inner[end - 1] & 0xFF;
    byte[] content = Arrays.copyOf(inner, end - 1);
    if (innerType == CONTENT_ALERT && content.length >= 2) {
      finish(alert(content[1]));
    } else if (innerType == CONTENT_HANDSHAKE) {
      onHandshakeBytes(content, reply);
    } else {
      throw new MalformedMessageException("protected record of type " + innerType);
    }
  }

  private void onHandshakeBytes(byte[] bytes, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    onHandshakeContents(bytes, message -> onMessage(message, reply));
  }

  private void onMessage(byte[] message, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    int type = message[0] & 0xFF;
    ByteBuf body = Unpooled.wrappedBuffer(message, 4, message.length - 4);
    switch (state) {
      case SERVER_HELLO -> {
        if (type != TlsWire.HANDSHAKE_SERVER_HELLO) {
          throw new MalformedMessageException("handshake message " + type + " before ServerHello");
        }
        transcript.writeBytes(message);
        onServerHello(body);
      }
      case SERVER_FLIGHT -> {
        transcript.writeBytes(message);
        if (type == HANDSHAKE_CERTIFICATE_REQUEST) {
          certificateRequested = true;
        } else if (type == HANDSHAKE_FINISHED) {
          reply.writeBytes(clientFinished());
        }
      }
      case AWAIT_TICKET -> {
        if (type == HANDSHAKE_NEW_SESSION_TICKET) {
          finish(new Tls13TicketOutcome.Issued(ticket(body)));
        }
        // KeyUpdate and others before a ticket are passed over.
      }
      default -> {}
    }
  }

  private void onServerHello(ByteBuf body) throws MalformedMessageException {
    ServerResponse parsed = ServerHelloParser.parse(body.duplicate());
    if (parsed instanceof ServerResponse.HelloRetryRequest) {
      throw new MalformedMessageException(
          "HelloRetryRequest to key shares for "
              + shares.keySet().stream().map(NamedGroup::ianaName).toList());
    }
    if (!(parsed instanceof ServerResponse.ServerHello serverHello)
        || serverHello.version() != ProtocolVersion.TLSv1_3) {
      throw new MalformedMessageException("no TLS 1.3 ServerHello");
    }
    suite =
        serverHello
            .suite()
            .filter(SUITES::contains)
            .orElseThrow(
                () -> new MalformedMessageException("the server chose a suite not offered"));
    group =
        serverHello
            .group()
            .filter(shares::containsKey)
            .orElseThrow(() -> new MalformedMessageException("no key share of an offered group"));
    byte[] shared = shares.get(group).agree(keyShare(body));
    schedule = Tls13KeySchedule.of(suite);
    byte[] early = schedule.extract(new byte[0], new byte[schedule.hashLength()]);
    handshakeSecret =
        schedule.extract(schedule.deriveSecret(early, "derived", new byte[0]), shared);
    byte[] sent = transcript.toByteArray();
    clientHandshakeSecret = schedule.deriveSecret(handshakeSecret, "c hs traffic", sent);
    serverKeys = schedule.protection(schedule.deriveSecret(handshakeSecret, "s hs traffic", sent));
    state = State.SERVER_FLIGHT;
  }

  /** The server's key_share value from the ServerHello's extensions. */
  private static byte[] keyShare(ByteBuf body) throws MalformedMessageException {
    body.skipBytes(2 + 32);
    body.skipBytes(body.readUnsignedByte());
    body.skipBytes(3);
    require(body, 2, "extensions");
    ByteBuf extensions = body.readSlice(body.readUnsignedShort());
    while (extensions.readableBytes() >= 4) {
      int type = extensions.readUnsignedShort();
      ByteBuf data = extensions.readSlice(extensions.readUnsignedShort());
      if (type == TlsWire.EXT_KEY_SHARE) {
        require(data, 4, "key_share");
        data.skipBytes(2);
        int length = data.readUnsignedShort();
        require(data, length, "key_share value");
        byte[] value = new byte[length];
        data.readBytes(value);
        return value;
      }
    }
    throw new MalformedMessageException("ServerHello without key_share");
  }

  private byte[] clientFinished() {
    byte[] master =
        schedule.extract(
            schedule.deriveSecret(handshakeSecret, "derived", new byte[0]),
            new byte[schedule.hashLength()]);
    byte[] throughServerFinished = transcript.toByteArray();
    Tls13KeySchedule.Protection clientKeys = schedule.protection(clientHandshakeSecret);
    ByteArrayOutputStream flight = new ByteArrayOutputStream();
    if (certificateRequested) {
      byte[] empty = TlsRecord.handshakeMessage(HANDSHAKE_CERTIFICATE, new byte[4]);
      transcript.writeBytes(empty);
      flight.writeBytes(clientKeys.seal(CONTENT_HANDSHAKE, empty));
    }
    byte[] finished =
        TlsRecord.handshakeMessage(
            HANDSHAKE_FINISHED, schedule.finished(clientHandshakeSecret, transcript.toByteArray()));
    transcript.writeBytes(finished);
    flight.writeBytes(clientKeys.seal(CONTENT_HANDSHAKE, finished));
    serverKeys =
        schedule.protection(schedule.deriveSecret(master, "s ap traffic", throughServerFinished));
    resumptionSecret = schedule.deriveSecret(master, "res master", transcript.toByteArray());
    state = State.AWAIT_TICKET;
    return flight.toByteArray();
  }

  private Tls13Ticket ticket(ByteBuf body) throws MalformedMessageException {
    require(body, 9, "NewSessionTicket");
    long lifetime = body.readUnsignedInt();
    long ageAdd = body.readUnsignedInt();
    byte[] nonce = new byte[body.readUnsignedByte()];
    require(body, nonce.length + 2, "ticket_nonce");
    body.readBytes(nonce);
    byte[] ticket = new byte[body.readUnsignedShort()];
    require(body, ticket.length + 2, "ticket");
    body.readBytes(ticket);
    ByteBuf extensions = body.readSlice(body.readUnsignedShort());
    OptionalLong maxEarlyData = OptionalLong.empty();
    while (extensions.readableBytes() >= 4) {
      int type = extensions.readUnsignedShort();
      ByteBuf data = extensions.readSlice(extensions.readUnsignedShort());
      if (type == EXT_EARLY_DATA && data.readableBytes() >= 4) {
        maxEarlyData = OptionalLong.of(data.readUnsignedInt());
      }
    }
    byte[] psk = schedule.expandLabel(resumptionSecret, "resumption", nonce, schedule.hashLength());
    return new Tls13Ticket(
        lifetime, maxEarlyData, ageAdd, ticket, psk, suite, group, System.nanoTime());
  }

  private Tls13TicketOutcome alert(byte description) {
    return new Tls13TicketOutcome.Failed(
        "alert "
            + AlertDescription.nameOf(description & 0xFF)
            + switch (state) {
              case SERVER_HELLO -> " in answer to the ClientHello";
              case AWAIT_TICKET -> " in answer to the client's Finished";
              default -> " during the server's flight";
            });
  }
}
