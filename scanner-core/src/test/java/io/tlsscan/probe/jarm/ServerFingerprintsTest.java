package io.tlsscan.probe.jarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** JA3S and JA4S of ServerHellos, against the JA4S specification's example and MD5 by hand. */
class ServerFingerprintsTest {
  /** FoxIO's example in technical_details/JA4S.md: TLS 1.2, c030, four extensions, no ALPN. */
  private static final ServerHelloFacts SPEC_EXAMPLE =
      new ServerHelloFacts(
          0x0303,
          0xc030,
          List.of(0x0005, 0x0017, 0xff01, 0x0000),
          OptionalInt.empty(),
          Optional.empty());

  @Test
  void ja4sOfTheSpecificationsExample() {
    assertThat(ServerFingerprints.ja4s(SPEC_EXAMPLE)).isEqualTo("t120400_c030_4e8089b08790");
  }

  @Test
  void ja3sIsTheMd5OfVersionCipherAndExtensionsInDecimal() {
    // python3: hashlib.md5(b"771,49200,5-23-65281-0").hexdigest()
    assertThat(ServerFingerprints.ja3s(SPEC_EXAMPLE)).isEqualTo("7d8fd34fdb13a7fff30d5a52846b6c4c");
  }

  @Test
  void tls13ServerHelloIsReadFromItsBytes() {
    String body =
        "0303"
            + "11".repeat(32)
            + "20"
            + "22".repeat(32)
            + "130100"
            + "0013"
            + "002b00020304"
            + "00100005000302"
            + "6832"
            + "00330000";
    String handshake = "02" + String.format("%06x", body.length() / 2) + body;
    byte[] record =
        HexFormat.of()
            .parseHex("160303" + String.format("%04x", handshake.length() / 2) + handshake);
    ServerHelloFacts hello = ServerHelloFacts.parse(record).orElseThrow();
    assertThat(hello.extensions()).containsExactly(0x002b, 0x0010, 0x0033);
    assertThat(hello.alpn()).contains("h2");
    assertThat(ServerFingerprints.ja4s(hello)).startsWith("t1303h2_1301_");
    assertThat(ServerHelloFacts.parse(HexFormat.of().parseHex("15030300020228"))).isEmpty();
  }
}
