package io.tlsscan.tls;

import static io.tlsscan.tls.MalformedMessageException.require;
import static io.tlsscan.tls.TlsWire.ALERT_WARNING;
import static io.tlsscan.tls.TlsWire.CONTENT_ALERT;
import static io.tlsscan.tls.TlsWire.CONTENT_APPLICATION_DATA;
import static io.tlsscan.tls.TlsWire.CONTENT_CHANGE_CIPHER_SPEC;
import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CERTIFICATE_REQUEST;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CLIENT_KEY_EXCHANGE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_FINISHED;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_HELLO_REQUEST;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_NEW_SESSION_TICKET;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_HELLO_DONE;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_SERVER_KEY_EXCHANGE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;

/**
 * The client side of a TLS 1.2 full handshake of our own, in one of two kinds: {@link
 * #renegotiating} tells what a server keeps of a session by its id and whether it lets a client
 * renegotiate; {@link #askingForTicket} brings the session ticket the server issues. They cannot be
 * one: OpenSSL and JSSE, among others, keep no session by its id when they issue a ticket.
 *
 * <ol>
 *   <li>A hello offering the {@link #SUITES}: AES-GCM, ChaCha20-Poly1305 and AES-CBC, with ECDHE
 *       over x25519, secp256r1 or secp384r1 or with RSA key exchange; an empty renegotiation_info
 *       (RFC 5746), and an empty session_ticket extension when it asks for a ticket.
 *   <li>After ServerHelloDone: an empty Certificate if one was asked for, the ClientKeyExchange,
 *       ChangeCipherSpec and Finished (with the extended master secret when the server agrees to
 *       it, RFC 7627).
 *   <li>The server's NewSessionTicket if any (in the clear: TLS 1.2 sends it before its
 *       ChangeCipherSpec), ChangeCipherSpec and Finished. The server caches the session then. The
 *       handshake that asks for a ticket ends at the ticket, or at the ChangeCipherSpec without
 *       one.
 *   <li>Renegotiating: a renegotiating hello under the new keys, carrying the client's verify_data
 *       in renegotiation_info (RFC 5746 section 3.5). The server's next handshake message tells:
 *       ServerHello, it renegotiates; an alert or a close, it refuses. The connection then ends
 *       with a close_notify, so that no server drops the cached session as cut short.
 * </ol>
 *
 * <p>Neither the server's certificate nor its signature is checked: nothing here trusts the
 * connection. A server that asks for a client certificate is sent an empty one. Records wait at
 * most {@link #MAX_INBOUND_BYTES} at once; the connection's read limit bounds the rest.
 */
public final class Tls12FullHandshake extends RecordConversation<Tls12HandshakeOutcome> {
  /** The most bytes of the server's flight kept at once. */
  public static final int MAX_INBOUND_BYTES = 128 * 1024;

  /** The suites offered: those this class can finish a handshake with. */
  public static final List<CipherSuite> SUITES =
      List.of(
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
          CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
          CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
          CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
          CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
          CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
          CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
          CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA);

  private static final List<NamedGroup> GROUPS =
      List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1);
  private static final int CURVE_TYPE_NAMED = 3;
  private static final int RECORD_HEADER = ServerStream.RECORD_HEADER;
  private static final int MAX_RECORD = (1 << 14) + 2048;
  private static final int TLS12 = ProtocolVersion.TLSv1_2.wireCode();
  private static final int RSA_PREMASTER = 48;
  private static final byte[] CLOSE_NOTIFY = {1, 0};

  /**
   * Alerts that blame a message or record (bad_record_mac, decryption_failed, record_overflow,
   * illegal_parameter, decode_error, decrypt_error) or the server itself (internal_error).
   */
  private static final Set<AlertDescription> FAULT_WITH_THE_HELLO =
      EnumSet.of(
          AlertDescription.BAD_RECORD_MAC,
          AlertDescription.DECRYPTION_FAILED,
          AlertDescription.RECORD_OVERFLOW,
          AlertDescription.ILLEGAL_PARAMETER,
          AlertDescription.DECODE_ERROR,
          AlertDescription.DECRYPT_ERROR,
          AlertDescription.INTERNAL_ERROR);

  private enum State {
    SERVER_FLIGHT,
    AWAIT_SERVER_FINISHED,
    AWAIT_RENEGOTIATION
  }

  private final SecureRandom random;
  private final String serverName;
  private final boolean askTicket;
  private final ClientHello hello;
  private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
  private State state = State.SERVER_FLIGHT;
  private ServerResponse.ServerHello serverHello;
  private CipherSuite suite;
  private byte[] serverRandom;
  private byte[] leafCertificate;
  private NamedGroup group;
  private byte[] serverPublic;
  private boolean certificateRequested;
  private byte[] clientVerifyData;
  private Tls12RecordProtection clientWrite;
  private Tls12RecordProtection pendingServerWrite;
  private Tls12RecordProtection serverWrite;
  private Tls12Ticket ticket;

  private Tls12FullHandshake(String serverName, SecureRandom random, boolean askTicket) {
    super(MAX_RECORD);
    this.random = random;
    this.serverName = serverName;
    this.askTicket = askTicket;
    this.hello = (askTicket ? helloBuilder() : helloBuilder().withoutSessionTicket()).build();
    byte[] record = hello.bytes();
    transcript.write(record, RECORD_HEADER, record.length - RECORD_HEADER);
  }

  /**
   * The handshake that renegotiates after it, its hello offering no session ticket.
   *
   * @param serverName the SNI name, or {@code null} for none
   */
  public static Tls12FullHandshake renegotiating(String serverName, SecureRandom random) {
    return new Tls12FullHandshake(serverName, random, false);
  }

  /**
   * The handshake that asks for a session ticket and ends at the server's answer to its Finished.
   *
   * @param serverName the SNI name, or {@code null} for none
   */
  public static Tls12FullHandshake askingForTicket(String serverName, SecureRandom random) {
    return new Tls12FullHandshake(serverName, random, true);
  }

  private ClientHelloBuilder helloBuilder() {
    ClientHelloBuilder builder =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(SUITES)
            .groups(GROUPS)
            .random(random);
    return serverName == null ? builder : builder.serverName(serverName);
  }

  @Override
  public ClientHello hello() {
    return hello;
  }

  @Override
  Tls12HandshakeOutcome closedBeforeOutcome() {
    return switch (state) {
      case SERVER_FLIGHT ->
          new Tls12HandshakeOutcome.Failed("connection closed before ServerHelloDone");
      case AWAIT_SERVER_FINISHED ->
          new Tls12HandshakeOutcome.Failed(
              "connection closed after the client's Finished, before the server's");
      case AWAIT_RENEGOTIATION ->
          completed(
              Optional.of(
                  new Renegotiation.Refused(
                      "connection closed after the renegotiating hello", true)));
    };
  }

  @Override
  Optional<Tls12HandshakeOutcome> silentBeforeOutcome() {
    return state == State.AWAIT_RENEGOTIATION
        ? Optional.of(completed(Optional.of(new Renegotiation.Unanswered())))
        : Optional.empty();
  }

  @Override
  void fail(String reason) {
    finish(new Tls12HandshakeOutcome.Failed(reason));
  }

  @Override
  void onRecord(ServerStream.Record record, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    int type = record.type();
    byte[] fragment = record.fragment();
    byte[] payload = serverWrite == null ? fragment : serverWrite.open(type, fragment);
    switch (type) {
      case CONTENT_HANDSHAKE -> {
        onHandshakeContents(payload, message -> onMessage(message[0] & 0xFF, message, reply));
      }
      case CONTENT_ALERT -> {
        if (payload.length < 2) {
          throw new MalformedMessageException("alert of " + payload.length + " bytes");
        }
        onAlert(payload[0] & 0xff, payload[1] & 0xff, reply);
      }
      case CONTENT_CHANGE_CIPHER_SPEC -> {
        if (state != State.AWAIT_SERVER_FINISHED || serverWrite != null) {
          throw new MalformedMessageException("ChangeCipherSpec out of turn");
        }
        serverWrite = pendingServerWrite;
        if (askTicket) {
          finish(completed(Optional.empty()));
        }
      }
      case CONTENT_APPLICATION_DATA -> {
        if (state != State.AWAIT_RENEGOTIATION) {
          throw new MalformedMessageException("application data before the server's Finished");
        }
      }
      default -> throw new MalformedMessageException("record of type " + type);
    }
  }

  /**
   * A warning other than close_notify and no_renegotiation changes nothing (unrecognized_name, say,
   * may come before a ServerHello). After the renegotiating hello, a fatal alert that finds fault
   * with the hello itself or its record leaves the answer unclear: it does not say whether a
   * well-made hello would have been refused.
   */
  private void onAlert(int level, int description, ByteArrayOutputStream reply) {
    boolean fatal = level != ALERT_WARNING;
    if (!fatal
        && description != AlertDescription.CLOSE_NOTIFY.code()
        && description != AlertDescription.NO_RENEGOTIATION.code()) {
      return;
    }
    String alert = (fatal ? "" : "warning ") + "alert " + AlertDescription.nameOf(description);
    switch (state) {
      case SERVER_FLIGHT ->
          finish(new Tls12HandshakeOutcome.Failed(alert + " during the server's flight"));
      case AWAIT_SERVER_FINISHED ->
          finish(new Tls12HandshakeOutcome.Failed(alert + " in answer to the client's Finished"));
      default ->
          end(
              fatal
                      && AlertDescription.byCode(description)
                          .filter(FAULT_WITH_THE_HELLO::contains)
                          .isPresent()
                  ? new Renegotiation.Unclear(alert + " in answer to the renegotiating hello")
                  : new Renegotiation.Refused(alert, fatal),
              reply);
    }
  }

  private void onMessage(int type, byte[] message, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    ByteBuf body = Unpooled.wrappedBuffer(message, 4, message.length - 4);
    switch (state) {
      case SERVER_FLIGHT -> onFlightMessage(type, message, body, reply);
      case AWAIT_SERVER_FINISHED -> {
        if (type == HANDSHAKE_NEW_SESSION_TICKET && serverWrite == null) {
          ticket = ticket(body);
          if (askTicket) {
            finish(completed(Optional.empty()));
          }
        } else if (type == HANDSHAKE_FINISHED && serverWrite != null) {
          reply.writeBytes(renegotiatingHello());
          state = State.AWAIT_RENEGOTIATION;
        } else {
          throw new MalformedMessageException("handshake message " + type + " after Finished");
        }
      }
      case AWAIT_RENEGOTIATION -> {
        if (type == HANDSHAKE_SERVER_HELLO) {
          end(new Renegotiation.Accepted(), reply);
        } else if (type != HANDSHAKE_HELLO_REQUEST) {
          throw new MalformedMessageException(
              "handshake message " + type + " in answer to the renegotiating hello");
        }
      }
    }
  }

  private void onFlightMessage(int type, byte[] message, ByteBuf body, ByteArrayOutputStream reply)
      throws MalformedMessageException {
    if (type == HANDSHAKE_HELLO_REQUEST) {
      return; // outside the transcript, and ignored during a handshake (RFC 5246 section 7.4.1.1)
    }
    transcript.writeBytes(message);
    if (type != HANDSHAKE_SERVER_HELLO && serverHello == null) {
      throw new MalformedMessageException("handshake message " + type + " before ServerHello");
    }
    switch (type) {
      case HANDSHAKE_SERVER_HELLO -> onServerHello(body);
      case HANDSHAKE_CERTIFICATE -> leafCertificate = leaf(body);
      case HANDSHAKE_SERVER_KEY_EXCHANGE -> onKeyExchange(body);
      case HANDSHAKE_CERTIFICATE_REQUEST -> certificateRequested = true;
      case HANDSHAKE_SERVER_HELLO_DONE -> reply.writeBytes(clientFlight());
      default -> {
        // CertificateStatus: the server's identity is not checked here.
      }
    }
  }

  private void onServerHello(ByteBuf body) throws MalformedMessageException {
    require(body, 2 + 32, "ServerHello random");
    serverRandom = new byte[32];
    body.getBytes(body.readerIndex() + 2, serverRandom);
    ServerResponse parsed = ServerHelloParser.parse(body.duplicate());
    if (!(parsed instanceof ServerResponse.ServerHello answer)
        || answer.version() != ProtocolVersion.TLSv1_2) {
      throw new MalformedMessageException("no TLS 1.2 ServerHello");
    }
    suite =
        answer
            .suite()
            .filter(SUITES::contains)
            .orElseThrow(
                () ->
                    new MalformedMessageException(
                        String.format(
                            "the server chose suite 0x%04x, which was not offered",
                            answer.cipherSuite())));
    serverHello = answer;
  }

  private static byte[] leaf(ByteBuf body) throws MalformedMessageException {
    List<byte[]> chain = new ArrayList<>(1);
    ServerFlightParser.certificates(body, 1, chain);
    return chain.isEmpty() ? null : chain.get(0);
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

  private Tls12Ticket ticket(ByteBuf body) throws MalformedMessageException {
    require(body, 6, "NewSessionTicket");
    long lifetime = body.readUnsignedInt();
    int length = body.readUnsignedShort();
    require(body, length, "ticket");
    byte[] opaque = new byte[length];
    body.readBytes(opaque);
    return new Tls12Ticket(lifetime, opaque, suite);
  }

  /** ClientKeyExchange (after an empty Certificate if asked), ChangeCipherSpec, Finished. */
  private byte[] clientFlight() throws MalformedMessageException {
    byte[] premaster;
    byte[] exchange;
    if (suite.keyExchange() == KeyExchange.RSA) {
      premaster = new byte[RSA_PREMASTER];
      random.nextBytes(premaster);
      premaster[0] = (byte) (TLS12 >> 8);
      premaster[1] = (byte) TLS12;
      byte[] encrypted = rsaEncrypt(premaster);
      exchange = new byte[2 + encrypted.length];
      exchange[0] = (byte) (encrypted.length >> 8);
      exchange[1] = (byte) encrypted.length;
      System.arraycopy(encrypted, 0, exchange, 2, encrypted.length);
    } else {
      if (serverPublic == null) {
        throw new MalformedMessageException("ServerHelloDone before the ServerKeyExchange");
      }
      EphemeralKeyAgreement ours = EphemeralKeyAgreement.generate(group, random);
      premaster = ours.agree(serverPublic);
      byte[] point = ours.publicValue();
      exchange = new byte[1 + point.length];
      exchange[0] = (byte) point.length;
      System.arraycopy(point, 0, exchange, 1, point.length);
    }
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    if (certificateRequested) {
      messages.writeBytes(TlsRecord.handshakeMessage(HANDSHAKE_CERTIFICATE, new byte[3]));
    }
    messages.writeBytes(TlsRecord.handshakeMessage(HANDSHAKE_CLIENT_KEY_EXCHANGE, exchange));
    transcript.writeBytes(messages.toByteArray());

    boolean sha384 = suite.ianaName().endsWith("_SHA384");
    Tls12Prf prf = new Tls12Prf(sha384 ? "HmacSHA384" : "HmacSHA256");
    String digest = sha384 ? "SHA-384" : "SHA-256";
    byte[] clientRandom = Arrays.copyOfRange(hello.bytes(), RECORD_HEADER + 6, RECORD_HEADER + 38);
    byte[] master =
        serverHello.extendedMasterSecret()
            ? prf.derive(premaster, "extended master secret", transcriptHash(digest), 48)
            : prf.derive(
                premaster, "master secret", Tls12Prf.concat(clientRandom, serverRandom), 48);
    int macLength = Tls12RecordProtection.macLength(suite);
    int keyLength = Tls12RecordProtection.keyLength(suite);
    int ivLength = Tls12RecordProtection.ivLength(suite);
    byte[] block =
        prf.derive(
            master,
            "key expansion",
            Tls12Prf.concat(serverRandom, clientRandom),
            2 * (macLength + keyLength + ivLength));
    int keys = 2 * macLength;
    int ivs = keys + 2 * keyLength;
    clientWrite =
        Tls12RecordProtection.of(
            suite,
            Arrays.copyOfRange(block, 0, macLength),
            Arrays.copyOfRange(block, keys, keys + keyLength),
            Arrays.copyOfRange(block, ivs, ivs + ivLength),
            random);
    pendingServerWrite =
        Tls12RecordProtection.of(
            suite,
            Arrays.copyOfRange(block, macLength, keys),
            Arrays.copyOfRange(block, keys + keyLength, ivs),
            Arrays.copyOfRange(block, ivs + ivLength, ivs + 2 * ivLength),
            random);
    clientVerifyData = prf.derive(master, "client finished", transcriptHash(digest), 12);
    byte[] finished = TlsRecord.handshakeMessage(HANDSHAKE_FINISHED, clientVerifyData);

    ByteArrayOutputStream flight = new ByteArrayOutputStream();
    flight.writeBytes(record(CONTENT_HANDSHAKE, messages.toByteArray()));
    flight.writeBytes(record(CONTENT_CHANGE_CIPHER_SPEC, new byte[] {1}));
    flight.writeBytes(record(CONTENT_HANDSHAKE, clientWrite.seal(CONTENT_HANDSHAKE, finished)));
    state = State.AWAIT_SERVER_FINISHED;
    return flight.toByteArray();
  }

  /** The RSA key exchange: the premaster secret under the leaf's key, PKCS #1 v1.5. */
  private byte[] rsaEncrypt(byte[] premaster) throws MalformedMessageException {
    if (leafCertificate == null) {
      throw new MalformedMessageException("RSA key exchange without a certificate");
    }
    try {
      PublicKey key =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(leafCertificate))
              .getPublicKey();
      Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
      rsa.init(Cipher.ENCRYPT_MODE, key, random);
      return rsa.doFinal(premaster);
    } catch (CertificateException e) {
      throw new MalformedMessageException("the server's certificate: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new MalformedMessageException("the server's RSA key: " + e.getMessage());
    }
  }

  /** A new hello, its renegotiation_info bound to this connection's handshake, under its keys. */
  private byte[] renegotiatingHello() {
    byte[] record = helloBuilder().renegotiationInfo(clientVerifyData).build().bytes();
    byte[] message = Arrays.copyOfRange(record, RECORD_HEADER, record.length);
    return record(CONTENT_HANDSHAKE, clientWrite.seal(CONTENT_HANDSHAKE, message));
  }

  /** Ends with {@code renegotiation}, sending close_notify. */
  private void end(Renegotiation renegotiation, ByteArrayOutputStream reply) {
    reply.writeBytes(record(CONTENT_ALERT, clientWrite.seal(CONTENT_ALERT, CLOSE_NOTIFY)));
    finish(completed(Optional.of(renegotiation)));
  }

  private Tls12HandshakeOutcome completed(Optional<Renegotiation> renegotiation) {
    return new Tls12HandshakeOutcome.Completed(
        serverHello, suite, Optional.ofNullable(ticket), renegotiation);
  }

  private byte[] transcriptHash(String digest) {
    try {
      return MessageDigest.getInstance(digest).digest(transcript.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(digest + " is not available", e);
    }
  }

  private static byte[] record(int type, byte[] fragment) {
    return TlsRecord.encode(type, TLS12, fragment);
  }
}
