package io.tlsscan.probe.jarm;

import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.HelloExtension;
import io.tlsscan.tls.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The hello JA3S and JA4S are read from: one that looks like a current browser's (without GREASE),
 * offering TLS 1.3 and 1.2, the AEAD suites of both and the common CBC ones, x25519, P-256 and
 * P-384, ALPN h2 and http/1.1. Sent, one more connection, when the full handshake gave no
 * ServerHello to read.
 */
final class TypicalHello {
  private static final List<Integer> SUITES =
      List.of(
          0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014,
          0x009c, 0x009d, 0x002f, 0x0035);
  private static final List<Integer> GROUPS = List.of(0x001d, 0x0017, 0x0018);
  private static final List<Integer> SIGNATURE_SCHEMES =
      List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601);
  private static final int X25519 = 0x001d;

  private TypicalHello() {}

  /** The hello, with {@code serverName} as SNI unless it is {@code null}. */
  static ClientHello build(String serverName, Random random) {
    List<HelloExtension> extensions = new ArrayList<>();
    if (serverName != null) {
      extensions.add(
          new HelloExtension(ExtensionBytes.SERVER_NAME, ExtensionBytes.serverName(serverName)));
    }
    extensions.add(new HelloExtension(ExtensionBytes.EXTENDED_MASTER_SECRET, new byte[0]));
    extensions.add(new HelloExtension(ExtensionBytes.RENEGOTIATION_INFO, new byte[] {0}));
    extensions.add(
        new HelloExtension(ExtensionBytes.SUPPORTED_GROUPS, ExtensionBytes.shorts(GROUPS)));
    extensions.add(new HelloExtension(ExtensionBytes.EC_POINT_FORMATS, new byte[] {1, 0}));
    extensions.add(new HelloExtension(ExtensionBytes.SESSION_TICKET, new byte[0]));
    extensions.add(
        new HelloExtension(
            ExtensionBytes.ALPN,
            ExtensionBytes.withLength(ExtensionBytes.protocols("h2", "http/1.1"))));
    extensions.add(
        new HelloExtension(
            ExtensionBytes.SIGNATURE_ALGORITHMS, ExtensionBytes.shorts(SIGNATURE_SCHEMES)));
    extensions.add(new HelloExtension(ExtensionBytes.KEY_SHARE, keyShare(random)));
    extensions.add(new HelloExtension(ExtensionBytes.PSK_KEY_EXCHANGE_MODES, new byte[] {1, 1}));
    extensions.add(
        new HelloExtension(ExtensionBytes.SUPPORTED_VERSIONS, new byte[] {4, 3, 4, 3, 3}));
    return ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
        .sessionIdLength(32)
        .random(random)
        .cipherSuiteCodes(SUITES)
        .extensions(extensions)
        .build();
  }

  /** One x25519 share. */
  private static byte[] keyShare(Random random) {
    byte[] share = new byte[4 + 32];
    share[1] = (byte) X25519;
    share[3] = 32;
    System.arraycopy(ExtensionBytes.x25519PublicKey(random), 0, share, 4, 32);
    return ExtensionBytes.withLength(share);
  }
}
