package io.tlsscan.probe.jarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Answers read as the reference reads them. Each expected string is what a transcription of
 * salesforce/jarm's {@code read_packet} and {@code extract_extension_info} printed for the same
 * bytes (python3, run once).
 */
class JarmAnswerTest {
  private static final String RANDOM = "11".repeat(32);
  private static final String SESSION_ID = "20" + "22".repeat(32);

  private static byte[] record(String handshakes) {
    return HexFormat.of()
        .parseHex("160303" + String.format("%04x", handshakes.length() / 2) + handshakes);
  }

  private static String handshake(String type, String body) {
    return type + String.format("%06x", body.length() / 2) + body;
  }

  private static String serverHello(String suiteAndCompression, String extensions) {
    return handshake("02", "0303" + RANDOM + SESSION_ID + suiteAndCompression + extensions);
  }

  @Test
  void serverHelloGivesSuiteVersionAlpnAndExtensionTypes() {
    byte[] data =
        record(
            serverHello(
                "c02f00",
                "001a"
                    + "ff01000100"
                    + "00000000"
                    + "00100005000302"
                    + "6832"
                    + "000b000403000102"));
    assertThat(JarmAnswer.read(data)).isEqualTo("c02f|0303|h2|ff01-0000-0010-000b");
  }

  @Test
  void serverHelloWithoutExtensionsBeforeCertificateIsTheReferencesShortAnswer() {
    byte[] data = record(serverHello("003500", "") + handshake("0b", "000003000000"));
    assertThat(JarmAnswer.read(data)).isEqualTo("0035|0303||||");
  }

  @Test
  void alertOrNothingOrNoTlsIsTheEmptyAnswer() {
    assertThat(JarmAnswer.read(HexFormat.of().parseHex("15030300020228"))).isEqualTo("|||");
    assertThat(JarmAnswer.read(new byte[0])).isEqualTo("|||");
    assertThat(JarmAnswer.read("HTTP/1.1 400".getBytes())).isEqualTo("|||");
  }

  @Test
  void anEmptyAlpnExtensionEmptiesTheWholeAnswer() {
    byte[] data = record(serverHello("130100", "000a" + "002b00020304" + "00100000"));
    assertThat(JarmAnswer.read(data)).isEqualTo("|||");
    byte[] other = record(serverHello("130100", "000a" + "002b00020304" + "00330000"));
    assertThat(JarmAnswer.read(other)).isEqualTo("1301|0303||002b-0033");
  }

  @Test
  void bytesCutShortInTheExtensionsKeepSuiteAndVersion() {
    byte[] whole =
        record(
            serverHello(
                "c02f00",
                "001a"
                    + "ff01000100"
                    + "00000000"
                    + "00100005000302"
                    + "6832"
                    + "000b000403000102"));
    byte[] cut = java.util.Arrays.copyOf(whole, 50);
    assertThat(JarmAnswer.read(cut)).isEqualTo("|0303||||");
  }
}
