package io.tlsscan.probe.jarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ten hellos byte for byte against the reference's construction. With every random byte zero
 * and every GREASE value 0x0a0a, the expected digests and bytes are those of a transcription of
 * salesforce/jarm's {@code packet_building} (and the functions it calls) for the server name {@code
 * jarm.test}, computed once with python3 with {@code os.urandom} returning zeros.
 */
class JarmHelloTest {
  private static final List<String> SHA256_OF_EACH_HELLO =
      List.of(
          "7e165d2bc4791de5698b7f3febdef630e0b1895d6a32b1dd1b68d5737f9f576a",
          "b34a1d7ef1132e6a78472953faa0c8e11239df2baf0896cf74e332c9c4fb4b16",
          "b5f15d48e588517979e9ab4efa5aeecf1a1d717da2f9325e3a2ce0ad5a67ad56",
          "b6bb9a832ff54d601d655674925f7ae53387b10d0d11e541bb3858a6f742540a",
          "4ada0797276e38e16bc000a8efcaa42e8caf331c4a5ad047254deff7d163cd6b",
          "e81c688165a21b03c638910feda93d96f89109b13370d954e7279f340192f7c9",
          "dfd7910b1094f29329b38814b5c288631ef518bc87ab7b05b58ee35795e2cdca",
          "767b5404e1f9d164ca8692b686a2d4dd4a5f1b41e4506d68031a5802cf22a27f",
          "5a42efb435e54c8b55e72f5f4800b2a416c63d290e40cc1e74f9772bf6cd6cfc",
          "9c0cbb6e38dbdecb95d3d1119b6aac2e074bb1df5b4d1e3dbf2bf6da58b8496f");

  /** The fifth hello (TLS 1.2, middle-out, GREASE, rare ALPN reversed) in full. */
  private static final String FIFTH_HELLO =
      "16030301960100019203030000000000000000000000000000000000000000000000000000000000000000200000"
          + "000000000000000000000000000000000000000000000000000000000000008c0a0ac012c013c007c027cc14"
          + "c02f1301c0141302c028cca9c030c073c060c072c061c02cc076c0afc077c0adcca8c0241305c00a1304c02b"
          + "1303c0aecc13c0acc011c023000ac009002fc008003c009ac09c00c4c0a00088009c00be00350045003d009f"
          + "c09dc0a3c0a1c09f009d006b0041003900ba009e0084c0a200c0c09e000700670004003300050016010000bd"
          + "0a0a00000000000e000c0000096a61726d2e74657374001700000001000101ff01000100000a000a0008001d"
          + "001700180019000b000201000023000000100030002e0268710368326306737064792f3306737064792f3206"
          + "737064792f3108687474702f312e3008687474702f302e39000d001400120403080404010503080505010806"
          + "060102010033002b00290a0a000100001d002000000000000000000000000000000000000000000000000000"
          + "00000000000000002d00020101";

  /** Zero bytes, and the first choice (0x0a0a) wherever GREASE is picked. */
  private static final class Zeros extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public int nextInt(int bound) {
      return 0;
    }
  }

  @Test
  void eachHelloIsTheReferencesHello() throws Exception {
    for (int i = 0; i < 10; i++) {
      byte[] hello = JarmHello.TEN.get(i).build("jarm.test", new Zeros()).bytes();
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hello));
      assertThat(digest)
          .as("hello %d: %s", i + 1, HexFormat.of().formatHex(hello))
          .isEqualTo(SHA256_OF_EACH_HELLO.get(i));
    }
  }

  @Test
  void middleOutHelloWithGreaseIsTheReferencesByteForByte() {
    byte[] hello = JarmHello.TEN.get(4).build("jarm.test", new Zeros()).bytes();
    assertThat(HexFormat.of().formatHex(hello)).isEqualTo(FIFTH_HELLO);
  }

  @Test
  void reordersOfOddAndEvenLists() {
    List<Integer> odd = List.of(1, 2, 3, 4, 5);
    List<Integer> even = List.of(1, 2, 3, 4);
    assertThat(Reorder.MIDDLE_OUT.apply(odd)).containsExactly(3, 4, 2, 5, 1);
    assertThat(Reorder.MIDDLE_OUT.apply(even)).containsExactly(3, 2, 4, 1);
    assertThat(Reorder.TOP_HALF.apply(odd)).containsExactly(3, 2, 1);
    assertThat(Reorder.BOTTOM_HALF.apply(odd)).containsExactly(4, 5);
    assertThat(Reorder.TOP_HALF.apply(even)).containsExactly(2, 1);
    assertThat(Reorder.BOTTOM_HALF.apply(even)).containsExactly(3, 4);
  }
}
