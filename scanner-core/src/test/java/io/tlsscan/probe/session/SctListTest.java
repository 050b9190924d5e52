package io.tlsscan.probe.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.SignedTimestamp;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SCT lists and staples as a hostile server may send them: cut short, lying about lengths. */
class SctListTest {
  private static final Instant SEEN = Instant.parse("2026-11-20T08:00:00.250Z");

  /** One v1 SCT with a 4-byte signature, log id all {@code fill}. */
  private static byte[] sct(int fill) {
    ByteBuffer sct = ByteBuffer.allocate(51);
    byte[] logId = new byte[32];
    Arrays.fill(logId, (byte) fill);
    sct.put((byte) 0).put(logId).putLong(SEEN.toEpochMilli()).putShort((short) 0);
    sct.put((byte) 4).put((byte) 3).putShort((short) 2).putShort((short) 0x3000);
    return sct.array();
  }

  private static byte[] list(byte[]... scts) {
    int body = Arrays.stream(scts).mapToInt(s -> 2 + s.length).sum();
    ByteBuffer list = ByteBuffer.allocate(2 + body).putShort((short) body);
    for (byte[] sct : scts) {
      list.putShort((short) sct.length).put(sct);
    }
    return list.array();
  }

  @Test
  void readsEachSctsLogAndTime() {
    List<SignedTimestamp> scts = SctList.read(list(sct(1), sct(2)), "certificate");
    assertThat(scts).hasSize(2);
    assertThat(scts.get(1).logId()).isEqualTo("AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=");
    assertThat(scts.get(1).timestamp()).isEqualTo(SEEN);
  }

  @Test
  void listCutShortKeepsTheWholeSctsBeforeTheCut() {
    byte[] whole = list(sct(1), sct(2));
    List<SignedTimestamp> scts = SctList.read(Arrays.copyOf(whole, whole.length - 10), "ocsp");
    assertThat(scts).extracting(SignedTimestamp::logId).hasSize(1);
  }

  @Test
  void moreSctsThanTheCapAreCutAtTheCap() {
    byte[][] many = new byte[SctList.MAX_SCTS + 5][];
    Arrays.fill(many, sct(7));
    assertThat(SctList.read(list(many), "certificate")).hasSize(SctList.MAX_SCTS);
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(200)];
      random.nextBytes(bytes);
      assertThat(SctList.read(bytes, "ocsp")).hasSizeLessThanOrEqualTo(SctList.MAX_SCTS);
      assertThat(SctList.fromExtension(bytes, "ocsp")).isNotNull();
    }
  }

  @Test
  void garbageStapleIsInvalidNotAnError() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      OcspStaple staple = StapleJudge.judge(bytes, List.of(), Instant.now()).staple();
      assertThat(staple.status()).isEqualTo(OcspStaple.INVALID);
      assertThat(staple.problem()).isNotBlank();
    }
  }

  @Test
  void oversizedStapleIsNotParsed() {
    OcspStaple staple =
        StapleJudge.judge(new byte[StapleJudge.MAX_STAPLE_BYTES + 1], List.of(), Instant.now())
            .staple();
    assertThat(staple.problem()).contains("larger than");
  }
}
