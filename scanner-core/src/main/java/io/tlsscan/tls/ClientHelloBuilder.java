package io.tlsscan.tls;

import static io.tlsscan.tls.TlsWire.CONTENT_HANDSHAKE;
import static io.tlsscan.tls.TlsWire.EXT_ALPN;
import static io.tlsscan.tls.TlsWire.EXT_EC_POINT_FORMATS;
import static io.tlsscan.tls.TlsWire.EXT_EXTENDED_MASTER_SECRET;
import static io.tlsscan.tls.TlsWire.EXT_HEARTBEAT;
import static io.tlsscan.tls.TlsWire.EXT_KEY_SHARE;
import static io.tlsscan.tls.TlsWire.EXT_PADDING;
import static io.tlsscan.tls.TlsWire.EXT_PSK_KEY_EXCHANGE_MODES;
import static io.tlsscan.tls.TlsWire.EXT_RENEGOTIATION_INFO;
import static io.tlsscan.tls.TlsWire.EXT_SERVER_NAME;
import static io.tlsscan.tls.TlsWire.EXT_SESSION_TICKET;
import static io.tlsscan.tls.TlsWire.EXT_SIGNATURE_ALGORITHMS;
import static io.tlsscan.tls.TlsWire.EXT_SUPPORTED_GROUPS;
import static io.tlsscan.tls.TlsWire.EXT_SUPPORTED_VERSIONS;
import static io.tlsscan.tls.TlsWire.HANDSHAKE_CLIENT_HELLO;
import static io.tlsscan.tls.TlsWire.SSL2_MT_CLIENT_HELLO;
import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.NetUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Builds raw ClientHello records for probing, independent of any local TLS library. Immutable:
 * every setter returns a new builder.
 *
 * <pre>{@code
 * ClientHello hello = ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
 *     .cipherSuites(CipherSuite.forVersion(ProtocolVersion.TLSv1_2).subList(0, 100))
 *     .serverName("example.com")
 *     .build();
 * channel.writeAndFlush(hello.toByteBuf());
 * }</pre>
 *
 * <p>What is sent, by version:
 *
 * <ul>
 *   <li>SSLv2: an SSL 2.0 CLIENT-HELLO (version 0x0002) with {@link #sslv2CipherSpecs} (default:
 *       all) and a 16-byte challenge. Nothing else applies.
 *   <li>SSLv3: record and client version 0x0300, {@link #sessionId} (default empty), the suites
 *       plus {@code TLS_EMPTY_RENEGOTIATION_INFO_SCSV}, null compression, no extensions.
 *   <li>TLS 1.0-1.2: record version 0x0301, {@link #sessionId} (default empty), extensions
 *       server_name, supported_groups, ec_point_formats, signature_algorithms (1.2 only),
 *       application_layer_protocol_negotiation (when {@link #applicationProtocols} are set),
 *       extended_master_secret, session_ticket ({@link #sessionTicket}, default empty; {@link
 *       #withoutSessionTicket} leaves it out), renegotiation_info.
 *   <li>TLS 1.3: legacy version 0x0303, a random 32-byte session id, extensions server_name,
 *       supported_groups, ec_point_formats, signature_algorithms, ALPN (when set),
 *       supported_versions (only 0x0304), psk_key_exchange_modes (psk_dhe_ke), key_share (default:
 *       a share for the first group; an empty list provokes a HelloRetryRequest).
 * </ul>
 *
 * <p>Defaults: no suites (set them), no SNI, {@link #defaultGroups} for the version, {@link
 * SignatureScheme#broadDefault()} (TLS 1.3: {@link SignatureScheme#tls13Default()}), null
 * compression only, no heartbeat, padding on. With padding on, a hello whose handshake message
 * would be 256-511 bytes long gets a padding extension (RFC 7685) that lifts it to 512, because
 * some F5 load balancers hang on that size range.
 */
public final class ClientHelloBuilder {
  /** Most suites one hello may offer; callers split longer lists. */
  public static final int MAX_CIPHER_SUITES = 128;

  /** RFC 8446 §5.1: a plaintext record carries at most 2^14 bytes. */
  private static final int MAX_RECORD_PAYLOAD = 1 << 14;

  private static final int SSL2_CHALLENGE_LENGTH = 16;

  private static final int F5_RANGE_START = 256;
  private static final int F5_RANGE_END = 512;

  /** {@link #defaultGroups} of each version, worked out once rather than for every hello. */
  private static final Map<ProtocolVersion, List<NamedGroup>> DEFAULT_GROUPS =
      defaultGroupsByVersion();

  private final ProtocolVersion version;
  private List<CipherSuite> cipherSuites = List.of();
  private List<Sslv2CipherSpec> sslv2CipherSpecs = List.of(Sslv2CipherSpec.values());
  private Optional<String> serverName = Optional.empty();
  private List<NamedGroup> groups;
  private Optional<List<NamedGroup>> keyShares = Optional.empty();
  private List<SignatureScheme> signatureSchemes;
  private List<String> applicationProtocols = List.of();
  private boolean offerDeflate;
  private boolean heartbeat;
  private byte[] sessionId = new byte[0];
  private byte[] sessionTicket = new byte[0];
  private boolean sessionTicketExtension = true;
  private byte[] renegotiationInfo = new byte[0];
  private boolean padding = true;

  /** {@code null}: the building thread's {@link ThreadLocalRandom}. */
  private Random random;

  private Optional<ProtocolVersion> recordVersion = Optional.empty();
  private OptionalInt sessionIdLength = OptionalInt.empty();
  private Optional<List<Integer>> cipherSuiteCodes = Optional.empty();
  private Optional<List<HelloExtension>> extensions = Optional.empty();

  private ClientHelloBuilder(ProtocolVersion version) {
    this.version = version;
    this.groups = defaultGroups(version);
    this.signatureSchemes =
        version == ProtocolVersion.TLSv1_3
            ? SignatureScheme.tls13Default()
            : SignatureScheme.broadDefault();
  }

  private ClientHelloBuilder(ClientHelloBuilder other) {
    this.version = other.version;
    this.cipherSuites = other.cipherSuites;
    this.sslv2CipherSpecs = other.sslv2CipherSpecs;
    this.serverName = other.serverName;
    this.groups = other.groups;
    this.keyShares = other.keyShares;
    this.signatureSchemes = other.signatureSchemes;
    this.applicationProtocols = other.applicationProtocols;
    this.offerDeflate = other.offerDeflate;
    this.heartbeat = other.heartbeat;
    this.sessionId = other.sessionId;
    this.sessionTicket = other.sessionTicket;
    this.sessionTicketExtension = other.sessionTicketExtension;
    this.renegotiationInfo = other.renegotiationInfo;
    this.padding = other.padding;
    this.random = other.random;
    this.recordVersion = other.recordVersion;
    this.sessionIdLength = other.sessionIdLength;
    this.cipherSuiteCodes = other.cipherSuiteCodes;
    this.extensions = other.extensions;
  }

  /** A copy with one change; the copy is changed before anyone else can see it. */
  private ClientHelloBuilder with(Consumer<ClientHelloBuilder> change) {
    ClientHelloBuilder copy = new ClientHelloBuilder(this);
    change.accept(copy);
    return copy;
  }

  /** A builder for a hello offering {@code version} (SSLv2 to TLS 1.3). */
  public static ClientHelloBuilder forVersion(ProtocolVersion version) {
    return new ClientHelloBuilder(requireNonNull(version, "version"));
  }

  /**
   * The supported_groups sent unless told otherwise. TLS 1.3: the common ECDHE and FFDHE groups.
   * Older versions: every named curve, modern ones first, but no FFDHE group, because a server that
   * follows RFC 7919 would then refuse DHE suites whose group is not listed.
   */
  public static List<NamedGroup> defaultGroups(ProtocolVersion version) {
    return DEFAULT_GROUPS.get(requireNonNull(version, "version"));
  }

  private static Map<ProtocolVersion, List<NamedGroup>> defaultGroupsByVersion() {
    Map<ProtocolVersion, List<NamedGroup>> groups = new EnumMap<>(ProtocolVersion.class);
    for (ProtocolVersion version : ProtocolVersion.values()) {
      groups.put(version, computeDefaultGroups(version));
    }
    return groups;
  }

  private static List<NamedGroup> computeDefaultGroups(ProtocolVersion version) {
    if (version == ProtocolVersion.TLSv1_3) {
      return List.of(
          NamedGroup.X25519,
          NamedGroup.SECP256R1,
          NamedGroup.SECP384R1,
          NamedGroup.SECP521R1,
          NamedGroup.X448,
          NamedGroup.FFDHE2048,
          NamedGroup.FFDHE3072,
          NamedGroup.FFDHE4096,
          NamedGroup.FFDHE6144,
          NamedGroup.FFDHE8192);
    }
    List<NamedGroup> curves =
        new ArrayList<>(
            List.of(
                NamedGroup.X25519,
                NamedGroup.SECP256R1,
                NamedGroup.SECP384R1,
                NamedGroup.SECP521R1,
                NamedGroup.X448,
                NamedGroup.BRAINPOOLP256R1,
                NamedGroup.BRAINPOOLP384R1,
                NamedGroup.BRAINPOOLP512R1));
    for (NamedGroup group : NamedGroup.values()) {
      boolean legacyCurve =
          group.kind() == NamedGroup.Kind.EC_BINARY
              || (group.kind() == NamedGroup.Kind.EC_PRIME && group.deprecated());
      if (legacyCurve) {
        curves.add(group);
      }
    }
    return List.copyOf(curves);
  }

  /**
   * The suites to offer, in order (signalling values included as given).
   *
   * @throws IllegalArgumentException for more than {@link #MAX_CIPHER_SUITES} suites
   */
  public ClientHelloBuilder cipherSuites(List<CipherSuite> suites) {
    List<CipherSuite> copy = List.copyOf(suites);
    if (copy.size() > MAX_CIPHER_SUITES) {
      throw new IllegalArgumentException(
          copy.size() + " cipher suites; at most " + MAX_CIPHER_SUITES + " fit in one hello");
    }
    return with(builder -> builder.cipherSuites = copy);
  }

  /** The cipher specs of an SSLv2 hello. */
  public ClientHelloBuilder sslv2CipherSpecs(List<Sslv2CipherSpec> specs) {
    List<Sslv2CipherSpec> copy = List.copyOf(specs);
    return with(builder -> builder.sslv2CipherSpecs = copy);
  }

  /**
   * The server_name to send. An IP literal is not sent (RFC 6066 §3 allows only host names), nor is
   * {@code null}.
   *
   * @throws IllegalArgumentException for a name that is not ASCII or longer than 255 bytes
   */
  public ClientHelloBuilder serverName(String name) {
    if (name == null || NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)) {
      return with(builder -> builder.serverName = Optional.empty());
    }
    String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (host.isEmpty()
        || host.length() > 255
        || !StandardCharsets.US_ASCII.newEncoder().canEncode(host)) {
      throw new IllegalArgumentException("not a usable server name: " + name);
    }
    return with(builder -> builder.serverName = Optional.of(host));
  }

  /** The supported_groups extension, in order of preference. */
  public ClientHelloBuilder groups(List<NamedGroup> groups) {
    List<NamedGroup> copy = List.copyOf(groups);
    return with(builder -> builder.groups = copy);
  }

  /**
   * The groups to send TLS 1.3 key shares for (default: the first of {@link #groups}). An empty
   * list makes the server answer with a HelloRetryRequest naming the group it wants.
   *
   * @throws IllegalArgumentException for a group without TLS 1.3 key shares
   */
  public ClientHelloBuilder keyShares(List<NamedGroup> shares) {
    List<NamedGroup> copy = List.copyOf(shares);
    for (NamedGroup group : copy) {
      if (!group.tls13()) {
        throw new IllegalArgumentException(group + " has no TLS 1.3 key share");
      }
    }
    return with(builder -> builder.keyShares = Optional.of(copy));
  }

  /** The signature_algorithms extension (TLS 1.2 and 1.3). */
  public ClientHelloBuilder signatureSchemes(List<SignatureScheme> schemes) {
    List<SignatureScheme> copy = List.copyOf(schemes);
    return with(builder -> builder.signatureSchemes = copy);
  }

  /**
   * The application protocols to offer by ALPN (RFC 7301), in order (default: none, no extension).
   *
   * @throws IllegalArgumentException for a name that is empty, longer than 255 bytes or not ASCII
   */
  public ClientHelloBuilder applicationProtocols(List<String> protocols) {
    List<String> copy = List.copyOf(protocols);
    for (String protocol : copy) {
      if (protocol.isEmpty()
          || protocol.length() > 255
          || !StandardCharsets.US_ASCII.newEncoder().canEncode(protocol)) {
        throw new IllegalArgumentException("ALPN protocol name \"" + protocol + "\"");
      }
    }
    return with(builder -> builder.applicationProtocols = copy);
  }

  /** Offers DEFLATE compression before null (to detect CRIME-prone servers). */
  public ClientHelloBuilder offerDeflate(boolean offer) {
    return with(builder -> builder.offerDeflate = offer);
  }

  /** Sends the heartbeat extension (RFC 6520, peer_allowed_to_send) in TLS 1.0-1.2 hellos. */
  public ClientHelloBuilder heartbeat(boolean send) {
    return with(builder -> builder.heartbeat = send);
  }

  /**
   * The session id to offer (RFC 5246 section 7.4.1.2), as a client resuming a session sends it; by
   * default none below TLS 1.3 and 32 random bytes in TLS 1.3. Replaces a {@link #sessionIdLength}.
   *
   * @throws IllegalArgumentException for more than 32 bytes
   */
  public ClientHelloBuilder sessionId(byte[] id) {
    byte[] copy = id.clone();
    if (copy.length > 32) {
      throw new IllegalArgumentException("session id of " + copy.length + " bytes; at most 32");
    }
    return with(
        builder -> {
          builder.sessionId = copy;
          builder.sessionIdLength = OptionalInt.empty();
        });
  }

  /**
   * The content of the session_ticket extension of a TLS 1.0-1.2 hello (RFC 5077): a ticket the
   * server issued, to resume its session; default empty (asking for a ticket). It puts the
   * extension back after {@link #withoutSessionTicket}.
   *
   * @throws IllegalArgumentException for a ticket longer than an extension can carry
   */
  public ClientHelloBuilder sessionTicket(byte[] ticket) {
    byte[] copy = ticket.clone();
    if (copy.length > 0xffff) {
      throw new IllegalArgumentException("session ticket of " + copy.length + " bytes");
    }
    return with(
        builder -> {
          builder.sessionTicket = copy;
          builder.sessionTicketExtension = true;
        });
  }

  /**
   * Leaves the session_ticket extension out of a TLS 1.0-1.2 hello: a client without tickets, whose
   * session a server can resume only by its id (some, JSSE among them, do not look a session id up
   * when the hello offers tickets).
   */
  public ClientHelloBuilder withoutSessionTicket() {
    return with(builder -> builder.sessionTicketExtension = false);
  }

  /**
   * The content of the renegotiation_info extension of a TLS 1.0-1.2 hello (RFC 5746 section 3.5):
   * the client's verify_data of the connection's last handshake, for a hello that renegotiates;
   * default empty, as an initial hello sends it.
   *
   * @throws IllegalArgumentException for more than 255 bytes
   */
  public ClientHelloBuilder renegotiationInfo(byte[] clientVerifyData) {
    byte[] copy = clientVerifyData.clone();
    if (copy.length > 0xff) {
      throw new IllegalArgumentException("renegotiation_info of " + copy.length + " bytes");
    }
    return with(builder -> builder.renegotiationInfo = copy);
  }

  /** Whether to pad hellos out of the 256-511 byte range (default on). */
  public ClientHelloBuilder padding(boolean pad) {
    return with(builder -> builder.padding = pad);
  }

  /**
   * The source of the client random, session id and key shares. The default, the building thread's
   * {@link ThreadLocalRandom}, is for hellos whose handshake is never finished into keys, as a
   * probe's: a client that derives keys from the hello passes a {@link java.security.SecureRandom}.
   */
  public ClientHelloBuilder random(Random source) {
    requireNonNull(source, "source");
    return with(builder -> builder.random = source);
  }

  /**
   * The version of the record layer (default: SSLv3 for an SSLv3 hello, TLS 1.0 otherwise, as most
   * clients send).
   */
  public ClientHelloBuilder recordVersion(ProtocolVersion recordVersion) {
    requireNonNull(recordVersion, "recordVersion");
    if (recordVersion == ProtocolVersion.SSLv2) {
      throw new IllegalArgumentException("SSLv2 has no TLS record layer");
    }
    return with(builder -> builder.recordVersion = Optional.of(recordVersion));
  }

  /**
   * A random session id of {@code length} bytes, in any version (default: 32 for TLS 1.3, the
   * {@link #sessionId} for older versions). Replaces a {@link #sessionId}.
   */
  public ClientHelloBuilder sessionIdLength(int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("session id of " + length + " bytes; 0 to 32 allowed");
    }
    return with(
        builder -> {
          builder.sessionIdLength = OptionalInt.of(length);
          builder.sessionId = new byte[0];
        });
  }

  /**
   * The suites to offer as raw code points, in order, instead of {@link #cipherSuites}: for values
   * no suite has, such as GREASE (RFC 8701). The hello's {@link ClientHello#cipherSuites()} lists
   * the known ones among them.
   *
   * @throws IllegalArgumentException for a code that is not 16 bits, or more than {@link
   *     #MAX_CIPHER_SUITES} codes
   */
  public ClientHelloBuilder cipherSuiteCodes(List<Integer> codes) {
    List<Integer> copy = List.copyOf(codes);
    if (copy.size() > MAX_CIPHER_SUITES) {
      throw new IllegalArgumentException(
          copy.size() + " cipher suites; at most " + MAX_CIPHER_SUITES + " fit in one hello");
    }
    for (int code : copy) {
      if (code < 0 || code > 0xffff) {
        throw new IllegalArgumentException("cipher suite code " + code + " is not 16 bits");
      }
    }
    return with(builder -> builder.cipherSuiteCodes = Optional.of(copy));
  }

  /**
   * Exactly these extensions, in this order, instead of the ones the version sends by default
   * (server name, groups, key shares, padding and the rest are then the caller's): for hellos whose
   * every byte is prescribed, such as fingerprinting ones.
   */
  public ClientHelloBuilder extensions(List<HelloExtension> layout) {
    List<HelloExtension> copy = List.copyOf(layout);
    return with(builder -> builder.extensions = Optional.of(copy));
  }

  /**
   * Encodes the hello.
   *
   * @throws IllegalArgumentException when no suite is set for SSLv3-TLS 1.3, no spec for SSLv2, or
   *     the hello would not fit in one record
   */
  public ClientHello build() {
    if (version == ProtocolVersion.SSLv2) {
      return buildSslv2();
    }
    if (cipherSuites.isEmpty() && cipherSuiteCodes.map(List::isEmpty).orElse(true)) {
      throw new IllegalArgumentException("no cipher suites to offer");
    }
    List<NamedGroup> shares = List.of();
    // One buffer: the record and handshake headers first, their lengths set once the body is
    // written.
    ByteBuf out = Unpooled.buffer(1024);
    try {
      out.writeByte(CONTENT_HANDSHAKE);
      out.writeShort(
          recordVersion
              .orElse(
                  version == ProtocolVersion.SSLv3
                      ? ProtocolVersion.SSLv3
                      : ProtocolVersion.TLSv1_0)
              .wireCode());
      out.writeShort(0); // record length
      out.writeByte(HANDSHAKE_CLIENT_HELLO);
      out.writeMedium(0); // body length
      int bodyStart = out.writerIndex();
      out.writeShort(
          version == ProtocolVersion.TLSv1_3
              ? ProtocolVersion.TLSv1_2.wireCode()
              : version.wireCode());
      out.writeBytes(randomBytes(32));
      byte[] id =
          sessionIdLength.isPresent()
              ? randomBytes(sessionIdLength.getAsInt())
              : sessionId.length == 0 && version == ProtocolVersion.TLSv1_3
                  ? randomBytes(32)
                  : sessionId;
      out.writeByte(id.length);
      out.writeBytes(id);
      writeSuites(out);
      if (offerDeflate) {
        out.writeByte(2).writeByte(1).writeByte(0);
      } else {
        out.writeByte(1).writeByte(0);
      }
      if (extensions.isPresent()) {
        writeLaidOutExtensions(out, extensions.get());
      } else if (version != ProtocolVersion.SSLv3) {
        shares = version == ProtocolVersion.TLSv1_3 ? effectiveKeyShares() : List.of();
        writeExtensions(out, bodyStart, shares);
      }
      int bodyLength = out.writerIndex() - bodyStart;
      int messageLength = 4 + bodyLength;
      if (messageLength > MAX_RECORD_PAYLOAD) {
        throw new IllegalArgumentException(
            "hello of " + messageLength + " bytes does not fit in one record");
      }
      out.setShort(3, messageLength);
      out.setMedium(6, bodyLength);
      return new ClientHello(
          version,
          offeredSuites(),
          List.of(),
          extensions.isPresent() ? List.of() : groups,
          shares,
          ByteBufUtil.getBytes(out));
    } finally {
      out.release();
    }
  }

  /** The suite list: the codes given, or the suites (and for SSLv3 the renegotiation SCSV). */
  private void writeSuites(ByteBuf out) {
    int lengthAt = out.writerIndex();
    out.writeShort(0);
    if (cipherSuiteCodes.isPresent()) {
      for (int code : cipherSuiteCodes.get()) {
        out.writeShort(code);
      }
    } else {
      for (CipherSuite suite : cipherSuites) {
        out.writeShort(suite.code());
      }
      if (version == ProtocolVersion.SSLv3
          && !cipherSuites.contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
        out.writeShort(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code());
      }
    }
    closeLength(out, lengthAt);
  }

  private List<CipherSuite> offeredSuites() {
    if (cipherSuiteCodes.isEmpty()) {
      return cipherSuites;
    }
    List<CipherSuite> known = new ArrayList<>(cipherSuiteCodes.get().size());
    for (int code : cipherSuiteCodes.get()) {
      CipherSuite.byCode(code).ifPresent(known::add);
    }
    return Collections.unmodifiableList(known);
  }

  private static void writeLaidOutExtensions(ByteBuf body, List<HelloExtension> layout) {
    int length = layout.stream().mapToInt(extension -> 4 + extension.data().length).sum();
    if (length > 0xffff) {
      throw new IllegalArgumentException("extensions of " + length + " bytes");
    }
    body.writeShort(length);
    for (HelloExtension extension : layout) {
      byte[] data = extension.data();
      body.writeShort(extension.type()).writeShort(data.length).writeBytes(data);
    }
  }

  private List<NamedGroup> effectiveKeyShares() {
    if (keyShares.isPresent()) {
      return keyShares.get();
    }
    return groups.isEmpty() || !groups.get(0).tls13() ? List.of() : List.of(groups.get(0));
  }

  /**
   * Writes the extensions, with their length, at the end of {@code out}, where the hello body
   * starts at {@code bodyStart}.
   */
  private void writeExtensions(ByteBuf out, int bodyStart, List<NamedGroup> shares) {
    int lengthAt = out.writerIndex();
    out.writeShort(0);
    serverName.ifPresent(name -> writeServerName(out, name));
    if (!groups.isEmpty()) {
      out.writeShort(EXT_SUPPORTED_GROUPS);
      out.writeShort(2 + groups.size() * 2);
      out.writeShort(groups.size() * 2);
      groups.forEach(group -> out.writeShort(group.code()));
    }
    out.writeShort(EXT_EC_POINT_FORMATS).writeShort(2).writeByte(1).writeByte(0);
    if (version.atLeast(ProtocolVersion.TLSv1_2) && !signatureSchemes.isEmpty()) {
      out.writeShort(EXT_SIGNATURE_ALGORITHMS);
      out.writeShort(2 + signatureSchemes.size() * 2);
      out.writeShort(signatureSchemes.size() * 2);
      signatureSchemes.forEach(scheme -> out.writeShort(scheme.code()));
    }
    if (!applicationProtocols.isEmpty()) {
      writeApplicationProtocols(out, applicationProtocols);
    }
    if (version == ProtocolVersion.TLSv1_3) {
      out.writeShort(EXT_SUPPORTED_VERSIONS).writeShort(3).writeByte(2);
      out.writeShort(ProtocolVersion.TLSv1_3.wireCode());
      out.writeShort(EXT_PSK_KEY_EXCHANGE_MODES).writeShort(2).writeByte(1).writeByte(1);
      writeKeyShares(out, shares);
    } else {
      out.writeShort(EXT_EXTENDED_MASTER_SECRET).writeShort(0);
      if (sessionTicketExtension) {
        out.writeShort(EXT_SESSION_TICKET).writeShort(sessionTicket.length);
        out.writeBytes(sessionTicket);
      }
      out.writeShort(EXT_RENEGOTIATION_INFO).writeShort(1 + renegotiationInfo.length);
      out.writeByte(renegotiationInfo.length).writeBytes(renegotiationInfo);
      if (heartbeat) {
        out.writeShort(EXT_HEARTBEAT).writeShort(1).writeByte(1);
      }
    }
    if (padding) {
      // handshake header (4) + body so far, extensions and their length included
      int messageLength = 4 + out.writerIndex() - bodyStart;
      if (messageLength >= F5_RANGE_START && messageLength < F5_RANGE_END) {
        int fill = Math.max(0, F5_RANGE_END - messageLength - 4);
        out.writeShort(EXT_PADDING).writeShort(fill).writeZero(fill);
      }
    }
    closeLength(out, lengthAt);
  }

  /** Sets the 2-byte length at {@code lengthAt} to the bytes written after it. */
  private static void closeLength(ByteBuf out, int lengthAt) {
    out.setShort(lengthAt, out.writerIndex() - lengthAt - 2);
  }

  private static void writeServerName(ByteBuf out, String name) {
    byte[] host = name.getBytes(StandardCharsets.US_ASCII);
    out.writeShort(EXT_SERVER_NAME);
    out.writeShort(2 + 1 + 2 + host.length);
    out.writeShort(1 + 2 + host.length);
    out.writeByte(0); // host_name
    out.writeShort(host.length);
    out.writeBytes(host);
  }

  private static void writeApplicationProtocols(ByteBuf out, List<String> protocols) {
    int listLength = 0;
    for (String protocol : protocols) {
      listLength += 1 + protocol.length();
    }
    out.writeShort(EXT_ALPN).writeShort(2 + listLength).writeShort(listLength);
    for (String protocol : protocols) {
      out.writeByte(protocol.length());
      out.writeCharSequence(protocol, StandardCharsets.US_ASCII);
    }
  }

  private void writeKeyShares(ByteBuf out, List<NamedGroup> shares) {
    out.writeShort(EXT_KEY_SHARE);
    int lengthAt = out.writerIndex();
    out.writeShort(0).writeShort(0);
    for (NamedGroup group : shares) {
      byte[] share = KeyShareGenerator.share(group, source());
      out.writeShort(group.code());
      out.writeShort(share.length);
      out.writeBytes(share);
    }
    int entries = out.writerIndex() - lengthAt - 4;
    out.setShort(lengthAt, 2 + entries).setShort(lengthAt + 2, entries);
  }

  private ClientHello buildSslv2() {
    if (sslv2CipherSpecs.isEmpty()) {
      throw new IllegalArgumentException("no SSLv2 cipher specs to offer");
    }
    int bodyLength = 9 + sslv2CipherSpecs.size() * 3 + SSL2_CHALLENGE_LENGTH;
    ByteBuf record = Unpooled.buffer(2 + bodyLength);
    record.writeShort(0x8000 | bodyLength);
    record.writeByte(SSL2_MT_CLIENT_HELLO);
    record.writeShort(ProtocolVersion.SSLv2.wireCode());
    record.writeShort(sslv2CipherSpecs.size() * 3);
    record.writeShort(0); // session id length
    record.writeShort(SSL2_CHALLENGE_LENGTH);
    sslv2CipherSpecs.forEach(spec -> record.writeMedium(spec.code()));
    record.writeBytes(randomBytes(SSL2_CHALLENGE_LENGTH));
    byte[] bytes = ByteBufUtil.getBytes(record);
    record.release();
    return new ClientHello(
        ProtocolVersion.SSLv2, List.of(), sslv2CipherSpecs, List.of(), List.of(), bytes);
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    source().nextBytes(bytes);
    return bytes;
  }

  private Random source() {
    return random != null ? random : ThreadLocalRandom.current();
  }
}
