package io.tlsscan.probe.jarm;

import static java.util.Objects.requireNonNull;

import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.HelloExtension;
import io.tlsscan.tls.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One of JARM's ten ClientHellos, with the cipher lists, orders, ALPN lists, extension bytes and
 * supported_versions variants of the reference implementation (salesforce/jarm, {@code jarm.py},
 * version 1.0): every hello has a random 32-byte session id, null compression only, and the
 * extensions [GREASE], server_name, extended_master_secret, max_fragment_length (2^9),
 * renegotiation_info, supported_groups (x25519, secp256r1, secp384r1, secp521r1), ec_point_formats,
 * session_ticket, ALPN, signature_algorithms, key_share (x25519, 32 random bytes, after a GREASE
 * share when GREASE is on), psk_key_exchange_modes, [supported_versions], in this order.
 *
 * @param version the hello's version: TLS 1.1 and 1.2 as record and client version; TLS 1.3 as
 *     record version 0x0301 and client version 0x0303
 * @param withTls13Suites whether the five TLS 1.3 suites are in the list
 * @param suiteOrder how the suite list is ordered
 * @param grease whether GREASE values lead the suites, the extensions, the key shares and the
 *     supported versions
 * @param rareAlpn whether the ALPN list leaves out http/1.1 and h2
 * @param versions which supported_versions extension is sent
 * @param extensionOrder how the ALPN list and the supported versions are ordered
 */
record JarmHello(
    ProtocolVersion version,
    boolean withTls13Suites,
    Reorder suiteOrder,
    boolean grease,
    boolean rareAlpn,
    SupportedVersions versions,
    Reorder extensionOrder) {

  /** The supported_versions extension a hello carries. */
  enum SupportedVersions {
    /** None (unless the hello is TLS 1.3, which the reference never combines with this). */
    NONE,
    /** TLS 1.0 to 1.2. */
    UP_TO_TLS_1_2,
    /** TLS 1.0 to 1.3. */
    UP_TO_TLS_1_3
  }

  JarmHello {
    requireNonNull(version, "version");
    requireNonNull(suiteOrder, "suiteOrder");
    requireNonNull(versions, "versions");
    requireNonNull(extensionOrder, "extensionOrder");
  }

  /** The ten hellos, in the order whose answers make up the fingerprint. */
  static final List<JarmHello> TEN =
      List.of(
          tls(ProtocolVersion.TLSv1_2, Reorder.FORWARD, false, false)
              .withVersions(SupportedVersions.UP_TO_TLS_1_2, Reorder.REVERSE),
          tls(ProtocolVersion.TLSv1_2, Reorder.REVERSE, false, false)
              .withVersions(SupportedVersions.UP_TO_TLS_1_2, Reorder.FORWARD),
          tls(ProtocolVersion.TLSv1_2, Reorder.TOP_HALF, false, false),
          tls(ProtocolVersion.TLSv1_2, Reorder.BOTTOM_HALF, false, true),
          tls(ProtocolVersion.TLSv1_2, Reorder.MIDDLE_OUT, true, true)
              .withVersions(SupportedVersions.NONE, Reorder.REVERSE),
          tls(ProtocolVersion.TLSv1_1, Reorder.FORWARD, false, false),
          tls(ProtocolVersion.TLSv1_3, Reorder.FORWARD, false, false)
              .withVersions(SupportedVersions.UP_TO_TLS_1_3, Reorder.REVERSE),
          tls(ProtocolVersion.TLSv1_3, Reorder.REVERSE, false, false)
              .withVersions(SupportedVersions.UP_TO_TLS_1_3, Reorder.FORWARD),
          new JarmHello(
              ProtocolVersion.TLSv1_3,
              false,
              Reorder.FORWARD,
              false,
              false,
              SupportedVersions.UP_TO_TLS_1_3,
              Reorder.FORWARD),
          tls(ProtocolVersion.TLSv1_3, Reorder.MIDDLE_OUT, true, false)
              .withVersions(SupportedVersions.UP_TO_TLS_1_3, Reorder.REVERSE));

  /** The reference's cipher list ("ALL"), TLS 1.3 suites included. */
  static final List<Integer> ALL_SUITES =
      List.of(
          0x0016, 0x0033, 0x0067, 0xc09e, 0xc0a2, 0x009e, 0x0039, 0x006b, 0xc09f, 0xc0a3, 0x009f,
          0x0045, 0x00be, 0x0088, 0x00c4, 0x009a, 0xc008, 0xc009, 0xc023, 0xc0ac, 0xc0ae, 0xc02b,
          0xc00a, 0xc024, 0xc0ad, 0xc0af, 0xc02c, 0xc072, 0xc073, 0xcca9, 0x1302, 0x1301, 0xcc14,
          0xc007, 0xc012, 0xc013, 0xc027, 0xc02f, 0xc014, 0xc028, 0xc030, 0xc060, 0xc061, 0xc076,
          0xc077, 0xcca8, 0x1305, 0x1304, 0x1303, 0xcc13, 0xc011, 0x000a, 0x002f, 0x003c, 0xc09c,
          0xc0a0, 0x009c, 0x0035, 0x003d, 0xc09d, 0xc0a1, 0x009d, 0x0041, 0x00ba, 0x0084, 0x00c0,
          0x0007, 0x0004, 0x0005);

  /** The GREASE values (RFC 8701) the reference picks from. */
  static final List<Integer> GREASE =
      List.of(
          0x0a0a, 0x1a1a, 0x2a2a, 0x3a3a, 0x4a4a, 0x5a5a, 0x6a6a, 0x7a7a, 0x8a8a, 0x9a9a, 0xaaaa,
          0xbaba, 0xcaca, 0xdada, 0xeaea, 0xfafa);

  /**
   * The full ALPN list, each entry length-prefixed. The reference's list has eight entries, not
   * nine: a missing comma joins spdy/3 and h2 into one entry, which matters for the reordered
   * lists, so it is kept.
   */
  private static final List<byte[]> ALPN =
      List.of(
          ExtensionBytes.protocols("http/0.9"),
          ExtensionBytes.protocols("http/1.0"),
          ExtensionBytes.protocols("http/1.1"),
          ExtensionBytes.protocols("spdy/1"),
          ExtensionBytes.protocols("spdy/2"),
          ExtensionBytes.protocols("spdy/3", "h2"),
          ExtensionBytes.protocols("h2c"),
          ExtensionBytes.protocols("hq"));

  /** The ALPN list without http/1.1 and h2. */
  private static final List<byte[]> RARE_ALPN =
      List.of(
          ExtensionBytes.protocols("http/0.9"),
          ExtensionBytes.protocols("http/1.0"),
          ExtensionBytes.protocols("spdy/1"),
          ExtensionBytes.protocols("spdy/2"),
          ExtensionBytes.protocols("spdy/3"),
          ExtensionBytes.protocols("h2c"),
          ExtensionBytes.protocols("hq"));

  private static final byte[] SUPPORTED_GROUPS = {0, 8, 0, 0x1d, 0, 0x17, 0, 0x18, 0, 0x19};
  private static final byte[] SIGNATURE_ALGORITHMS = {
    0, 0x12, 4, 3, 8, 4, 4, 1, 5, 3, 8, 5, 5, 1, 8, 6, 6, 1, 2, 1
  };
  private static final int X25519 = 0x001d;

  private static JarmHello tls(
      ProtocolVersion version, Reorder suiteOrder, boolean grease, boolean rareAlpn) {
    return new JarmHello(
        version,
        true,
        suiteOrder,
        grease,
        rareAlpn,
        version == ProtocolVersion.TLSv1_3
            ? SupportedVersions.UP_TO_TLS_1_3
            : SupportedVersions.NONE,
        Reorder.FORWARD);
  }

  private JarmHello withVersions(SupportedVersions offered, Reorder order) {
    return new JarmHello(version, withTls13Suites, suiteOrder, grease, rareAlpn, offered, order);
  }

  /** The suites in the order sent, GREASE first when on. */
  List<Integer> suites(Random random) {
    List<Integer> suites =
        new ArrayList<>(
            suiteOrder.apply(
                withTls13Suites
                    ? ALL_SUITES
                    : ALL_SUITES.stream().filter(code -> (code >> 8) != 0x13).toList()));
    if (grease) {
      suites.add(0, grease(random));
    }
    return suites;
  }

  /**
   * The hello for {@code serverName}, which is sent as it is, IP literals included (as the
   * reference does).
   */
  ClientHello build(String serverName, Random random) {
    ProtocolVersion clientVersion =
        version == ProtocolVersion.TLSv1_3 ? ProtocolVersion.TLSv1_2 : version;
    return ClientHelloBuilder.forVersion(clientVersion)
        .recordVersion(version == ProtocolVersion.TLSv1_3 ? ProtocolVersion.TLSv1_0 : version)
        .sessionIdLength(32)
        .random(random)
        .cipherSuiteCodes(suites(random))
        .extensions(extensions(serverName, random))
        .build();
  }

  private List<HelloExtension> extensions(String serverName, Random random) {
    List<HelloExtension> extensions = new ArrayList<>();
    if (grease) {
      extensions.add(new HelloExtension(grease(random), new byte[0]));
    }
    extensions.add(
        new HelloExtension(ExtensionBytes.SERVER_NAME, ExtensionBytes.serverName(serverName)));
    extensions.add(new HelloExtension(ExtensionBytes.EXTENDED_MASTER_SECRET, new byte[0]));
    extensions.add(new HelloExtension(ExtensionBytes.MAX_FRAGMENT_LENGTH, new byte[] {1}));
    extensions.add(new HelloExtension(ExtensionBytes.RENEGOTIATION_INFO, new byte[] {0}));
    extensions.add(new HelloExtension(ExtensionBytes.SUPPORTED_GROUPS, SUPPORTED_GROUPS));
    extensions.add(new HelloExtension(ExtensionBytes.EC_POINT_FORMATS, new byte[] {1, 0}));
    extensions.add(new HelloExtension(ExtensionBytes.SESSION_TICKET, new byte[0]));
    extensions.add(new HelloExtension(ExtensionBytes.ALPN, alpnData()));
    extensions.add(new HelloExtension(ExtensionBytes.SIGNATURE_ALGORITHMS, SIGNATURE_ALGORITHMS));
    extensions.add(new HelloExtension(ExtensionBytes.KEY_SHARE, keyShareData(random)));
    extensions.add(new HelloExtension(ExtensionBytes.PSK_KEY_EXCHANGE_MODES, new byte[] {1, 1}));
    if (version == ProtocolVersion.TLSv1_3 || versions == SupportedVersions.UP_TO_TLS_1_2) {
      extensions.add(
          new HelloExtension(ExtensionBytes.SUPPORTED_VERSIONS, supportedVersionsData(random)));
    }
    return extensions;
  }

  private byte[] alpnData() {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    extensionOrder.apply(rareAlpn ? RARE_ALPN : ALPN).forEach(list::writeBytes);
    return ExtensionBytes.withLength(list.toByteArray());
  }

  private byte[] keyShareData(Random random) {
    ByteArrayOutputStream shares = new ByteArrayOutputStream();
    if (grease) {
      ExtensionBytes.writeShort(shares, grease(random));
      ExtensionBytes.writeShort(shares, 1);
      shares.write(0);
    }
    ExtensionBytes.writeShort(shares, X25519);
    ExtensionBytes.writeShort(shares, 32);
    shares.writeBytes(ExtensionBytes.x25519PublicKey(random));
    return ExtensionBytes.withLength(shares.toByteArray());
  }

  private byte[] supportedVersionsData(Random random) {
    List<Integer> offered =
        versions == SupportedVersions.UP_TO_TLS_1_2
            ? List.of(0x0301, 0x0302, 0x0303)
            : List.of(0x0301, 0x0302, 0x0303, 0x0304);
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    if (grease) {
      ExtensionBytes.writeShort(list, grease(random));
    }
    extensionOrder.apply(offered).forEach(code -> ExtensionBytes.writeShort(list, code));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(list.size());
    out.writeBytes(list.toByteArray());
    return out.toByteArray();
  }

  private static int grease(Random random) {
    return GREASE.get(random.nextInt(GREASE.size()));
  }
}
