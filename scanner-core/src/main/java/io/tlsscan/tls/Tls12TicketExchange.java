package io.tlsscan.tls;

import static io.tlsscan.tls.MalformedMessageException.require;
import static io.tlsscan.tls.TlsWire.CONTENT_ALERT;
import static io.tlsscan.tls.TlsWire.CONTENT_CHANGE_CIPHER_SPEC;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO_DONE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_KEY_EXCHANGE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of a TLS 1.2 full handshake carried just far enough to receive a session ticket
 * (RFC 5077): a hello offering ECDHE with AES-GCM over x25519 or secp256r1 and an empty
 * session_ticket extension; after ServerHelloDone the ClientKeyExchange, ChangeCipherSpec and an
 * encrypted Finished (with the extended master secret when the server agrees to it, RFC 7627).
 * The server answers a Finished it accepts with NewSessionTicket, which TLS 1.2 sends before the
 * server's ChangeCipherSpec and so in the clear. The server's signature and certificate are not
 * checked: nothing here trusts the connection. A server that asks for a client certificate is
 * sent an empty one.
 *
 * <p>At most {@link #MAX_INBOUND_BYTES} are buffered.
 */
public final class Tls12TicketExchange implements ClientConversation<TicketOutcome> {
  /** The most bytes of the server's flight kept at once. */
  public static final int MAX_INBOUND_BYTES = 128 * 1024;

  /** The suites offered: those this class can finish a handshake with. */
  public static final List<CipherSuite> SUITES =
      List.of(
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384);

  private static final List<NamedGroup> GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1);
  private static final int HANDSHAKE_NEW_SESSION_TICKET = 4;
  private static final int HANDSHAKE_CERTIFICATE_REQUEST = 13;
  private static final int HANDSHAKE_CLIENT_KEY_EXCHANGE = 16;
  private static final int HANDSHAKE_FINISHED = 20;
  private static final int CURVE_TYPE_NAMED = 3;
  private static final int RECORD_HEADER = 5;
  private static final int MAX_RECORD = (1 << 14) + 2048;
  private static final int TLS12 = 0x0303;
  private static final int GCM_EXPLICIT_NONCE = 8;
  private static final int GCM_TAG_BITS = 128;

  private enum State {
    SERVER_FLIGHT,
    AWAIT_TICKET,
    DONE
  }

  private final SecureRandom random;
  private final ClientHello hello;
  private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
  private final ByteBuf inbound = Unpooled.buffer(4096);
  private final ByteBuf handshake = Unpooled.buffer(4096);
  private State state = State.SERVER_FLIGHT;
  private TicketOutcome outcome;
  private ServerResponse.ServerHello serverHello;
  private byte[] serverRandom;
  private NamedGroup group;
  private byte[] serverPublic;
  private boolean certificateRequested;

  /**
   * @param serverName the SNI name, or {@code null} for none
   */
  public Tls12TicketExchange(String serverName, SecureRandom random) {
    this.random = random;
    ClientHelloBuilder builder =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(SUITES)
            .groups(GROUPS)
            .random(random);
    this.hello = (serverName == null ? builder : builder.serverName(serverName)).build();
    byte[] record = hello.bytes();
    transcript.write(record, RECORD_HEADER, record.length - RECORD_HEADER);
  }

  @Override
  public ClientHello hello() {
    return hello;
  }

  @Override
  public Optional<TicketOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }

  @Override
  public TicketOutcome closed() {
    return outcome != null
        ? outcome
        : new TicketOutcome.Failed("connection closed " + (state == State.SERVER_FLIGHT
            ? "before ServerHelloDone"
            : "after the client's Finished, before the server's answer"));
  }

  @Override
  public void release() {
    inbound.release();
    handshake.release();
  }

  @Override
  public Optional<TicketOutcome> silent() {
    return Optional.empty();
  }

  @Override
  public byte[] receive(ByteBuf data) {
    if (state == State.DONE) {
      return new byte[0];
    }
    if (inbound.readableBytes() + data.readableBytes() > MAX_INBOUND_BYTES) {
      finish(new TicketOutcome.Failed("server sent more than " + MAX_INBOUND_BYTES + " bytes"));
      return new byte[0];
    }
    inbound.writeBytes(data, data.readerIndex(), data.readableBytes());
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    try {
      while (state != State.DONE && inbound.readableBytes() >= RECORD_HEADER) {
        int type = inbound.getUnsignedByte(inbound.readerIndex());
        int length = inbound.getUnsignedShort(inbound.readerIndex() + 3);
        if (length > MAX_RECORD) {
          throw new MalformedMessageException("record of " + length + " bytes");
        }
        if (inbound.readableBytes() < RECORD_HEADER + length) {
          break;
        }
        inbound.skipBytes(RECORD_HEADER);
        onRecord(type, inbound.readSlice(length), reply);
      }
      inbound.discardReadBytes();
    } catch (IndexOutOfBoundsException e) {
      finish(new TicketOutcome.Failed("a message from the server is cut short"));
    } catch (MalformedMessageException e) {
      finish(new TicketOutcome.Failed(e.getMessage()));
    }
    return reply.toByteArray();
  }

  private void onRecord(int type, ByteBuf payload, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    switch (type) {
      case CONTENT_HANDSHAKE -> {
        handshake.writeBytes(payload);
        while (state != State.DONE && handshake.readableBytes() >= 4) {
          int length = handshake.getUnsignedMedium(handshake.readerIndex() + 1);
          if (handshake.readableBytes() < 4 + length) {
            break;
          }
          int messageType = handshake.getUnsignedByte(handshake.readerIndex());
          ByteBuf message = handshake.readSlice(4 + length);
          onMessage(messageType, message, reply);
        }
        handshake.discardReadBytes();
      }
      case CONTENT_ALERT -> {
        require(payload, 2, "alert");
        int description = payload.getUnsignedByte(payload.readerIndex() + 1);
        finish(
            new TicketOutcome.Failed(
                "alert "
                    + AlertDescription.nameOf(description)
                    + (state == State.SERVER_FLIGHT
                        ? " during the server's flight"
                        : " in answer to the client's Finished")));
      }
      case CONTENT_CHANGE_CIPHER_SPEC -> {
        if (state != State.AWAIT_TICKET) {
          throw new MalformedMessageException("ChangeCipherSpec before ServerHelloDone");
        }
        finish(new TicketOutcome.NotIssued());
      }
      default -> throw new MalformedMessageException("record of type " + type);
    }
  }

  private void onMessage(int type, ByteBuf message, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    ByteBuf body = message.slice(4, message.readableBytes() - 4);
    if (state == State.AWAIT_TICKET) {
      if (type != HANDSHAKE_NEW_SESSION_TICKET) {
        throw new MalformedMessageException("handshake message " + type + " after Finished");
      }
      require(body, 6, "NewSessionTicket");
      long lifetime = body.readUnsignedInt();
      int length = body.readUnsignedShort();
      require(body, length, "ticket");
      byte[] ticket = new byte[length];
      body.readBytes(ticket);
      finish(new TicketOutcome.Issued(lifetime, ticket, serverHello.suite().orElseThrow()));
      return;
    }
    byte[] bytes = new byte[message.readableBytes()];
    message.getBytes(message.readerIndex(), bytes);
    transcript.write(bytes, 0, bytes.length);
    switch (type) {
      case HANDSHAKE_SERVER_HELLO -> onServerHello(body);
      case HANDSHAKE_SERVER_KEY_EXCHANGE -> onKeyExchange(body);
      case HANDSHAKE_CERTIFICATE_REQUEST -> certificateRequested = true;
      case HANDSHAKE_SERVER_HELLO_DONE -> reply.writeBytes(clientFlight());
      default -> {
        if (serverHello == null) {
          throw new MalformedMessageException("handshake message " + type + " before ServerHello");
        }
        // Certificate, CertificateStatus: the server's identity is not checked here.
      }
    }
  }

  private void onServerHello(ByteBuf body) throws MalformedMessageException {
    require(body, 2 + 32, "ServerHello random");
    serverRandom = new byte[32];
    body.getBytes(body.readerIndex() + 2, serverRandom);
    ServerResponse parsed = ServerHelloParser.parse(body.duplicate());
    if (!(parsed instanceof ServerResponse.ServerHello hello)
        || hello.version() != ProtocolVersion.TLSv1_2) {
      throw new MalformedMessageException("no TLS 1.2 ServerHello");
    }
    if (hello.suite().filter(SUITES::contains).isEmpty()) {
      throw new MalformedMessageException(
          String.format(
              "the server chose suite 0x%04x, which was not offered", hello.cipherSuite()));
    }
    serverHello = hello;
  }

  private void onKeyExchange(ByteBuf body) throws MalformedMessageException {
    require(body, 4, "ServerKeyExchange curve");
    if (body.readUnsignedByte() != CURVE_TYPE_NAMED) {
      throw new MalformedMessageException("ServerKeyExchange without a named curve");
    }
    int code = body.readUnsignedShort();
    group =
        NamedGroup.byCode(code)
            .filter(GROUPS::contains)
            .orElseThrow(
                () ->
                    new MalformedMessageException(
                        String.format("the server chose group 0x%04x, not offered", code)));
    int length = body.readUnsignedByte();
    require(body, length, "ServerKeyExchange public value");
    serverPublic = new byte[length];
    body.readBytes(serverPublic);
  }

  /** ClientKeyExchange (after an empty Certificate if asked), ChangeCipherSpec, Finished. */
  private byte[] clientFlight() throws MalformedMessageException {
    if (serverHello == null || serverPublic == null) {
      throw new MalformedMessageException("ServerHelloDone before the ServerKeyExchange");
    }
    EphemeralKeyAgreement ours = EphemeralKeyAgreement.generate(group, random);
    byte[] premaster = ours.agree(serverPublic);
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    if (certificateRequested) {
      messages.writeBytes(message(HANDSHAKE_CERTIFICATE, new byte[3]));
    }
    byte[] point = ours.publicValue();
    byte[] exchange = new byte[1 + point.length];
    exchange[0] = (byte) point.length;
    System.arraycopy(point, 0, exchange, 1, point.length);
    messages.writeBytes(message(HANDSHAKE_CLIENT_KEY_EXCHANGE, exchange));
    transcript.writeBytes(messages.toByteArray());

    Keys keys = Keys.of(serverHello.suite().orElseThrow());
    Tls12Prf prf = new Tls12Prf(keys.hmac());
    byte[] clientRandom = Arrays.copyOfRange(hello.bytes(), RECORD_HEADER + 6, RECORD_HEADER + 38);
    byte[] master =
        serverHello.extendedMasterSecret()
            ? prf.derive(premaster, "extended master secret", transcriptHash(keys), 48)
            : prf.derive(
                premaster, "master secret", Tls12Prf.concat(clientRandom, serverRandom), 48);
    byte[] block =
        prf.derive(
            master,
            "key expansion",
            Tls12Prf.concat(serverRandom, clientRandom),
            2 * keys.keyLength() + 2 * 4);
    byte[] writeKey = Arrays.copyOfRange(block, 0, keys.keyLength());
    byte[] writeIv = Arrays.copyOfRange(block, 2 * keys.keyLength(), 2 * keys.keyLength() + 4);
    byte[] finished =
        message(
            HANDSHAKE_FINISHED, prf.derive(master, "client finished", transcriptHash(keys), 12));

    ByteArrayOutputStream flight = new ByteArrayOutputStream();
    flight.writeBytes(record(CONTENT_HANDSHAKE, messages.toByteArray()));
    flight.writeBytes(record(CONTENT_CHANGE_CIPHER_SPEC, new byte[] {1}));
    flight.writeBytes(record(CONTENT_HANDSHAKE, seal(writeKey, writeIv, finished)));
    state = State.AWAIT_TICKET;
    return flight.toByteArray();
  }

  /** AES-GCM with sequence number 0 (RFC 5288 section 3). */
  private static byte[] seal(byte[] key, byte[] salt, byte[] plaintext) {
    byte[] explicit = new byte[GCM_EXPLICIT_NONCE];
    byte[] aad = new byte[13];
    aad[8] = CONTENT_HANDSHAKE;
    aad[9] = (byte) (TLS12 >> 8);
    aad[10] = (byte) TLS12;
    aad[11] = (byte) (plaintext.length >> 8);
    aad[12] = (byte) plaintext.length;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(GCM_TAG_BITS, Tls12Prf.concat(salt, explicit)));
      cipher.updateAAD(aad);
      return Tls12Prf.concat(explicit, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private byte[] transcriptHash(Keys keys) {
    try {
      return MessageDigest.getInstance(keys.digest()).digest(transcript.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(keys.digest() + " is not available", e);
    }
  }

  private static byte[] message(int type, byte[] body) {
    byte[] message = new byte[4 + body.length];
    message[0] = (byte) type;
    message[1] = (byte) (body.length >> 16);
    message[2] = (byte) (body.length >> 8);
    message[3] = (byte) body.length;
    System.arraycopy(body, 0, message, 4, body.length);
    return message;
  }

  private static byte[] record(int type, byte[] fragment) {
    byte[] record = new byte[RECORD_HEADER + fragment.length];
    record[0] = (byte) type;
    record[1] = (byte) (TLS12 >> 8);
    record[2] = (byte) TLS12;
    record[3] = (byte) (fragment.length >> 8);
    record[4] = (byte) fragment.length;
    System.arraycopy(fragment, 0, record, RECORD_HEADER, fragment.length);
    return record;
  }

  private void finish(TicketOutcome result) {
    outcome = result;
    state = State.DONE;
  }

  /** The key sizes and hash of an offered suite. */
  private record Keys(int keyLength, String hmac, String digest) {
    static Keys of(CipherSuite suite) {
      boolean sha384 = suite.ianaName().endsWith("_SHA384");
      return sha384 ? new Keys(32, "HmacSHA384", "SHA-384") : new Keys(16, "HmacSHA256", "SHA-256");
    }
  }
}
