package io.tlsscan.tls;

import static io.tlsscan.tls.ServerMessages.HRR_RANDOM;
import static io.tlsscan.tls.ServerMessages.concat;
import static io.tlsscan.tls.ServerMessages.extension;
import static io.tlsscan.tls.ServerMessages.hex;
import static io.tlsscan.tls.ServerMessages.record;
import static io.tlsscan.tls.ServerMessages.serverHello;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ServerHello message is copied out whatever the reads cut it into, after a HelloRetryRequest
 * and change_cipher_spec records; the bytes pass on unchanged, and the handler leaves once it has
 * its answer.
 */
class ServerHelloCaptureTest {
  private static final byte[] RETRY =
      record(
          22,
          serverHello(
              0x0303,
              HRR_RANDOM,
              0x1302,
              extension(0x002b, hex("0304")),
              extension(0x002c, hex("0002abcd"))));
  private static final byte[] CCS = record(20, hex("01"));
  private static final byte[] HELLO =
      record(
          22,
          concat(
              serverHello(
                  0x0303,
                  "11".repeat(32),
                  0x1302,
                  extension(0x0033, hex("00170041" + "04".repeat(65))),
                  extension(0x002b, hex("0304")))));
  private static final byte[] ENCRYPTED = record(23, hex("00".repeat(40)));

  private final List<byte[]> captured = new ArrayList<>();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new ServerHelloCapture(captured::add));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  /** Writes {@code bytes} in reads that end at {@code cuts}; returns what came out the far side. */
  private byte[] read(byte[] bytes, int... cuts) {
    int from = 0;
    for (int cut : cuts) {
      channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, cut)));
      from = cut;
    }
    channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(bytes, from, bytes.length)));
    ByteBuf out = Unpooled.buffer();
    for (ByteBuf part; (part = channel.readInbound()) != null; part.release()) {
      out.writeBytes(part);
    }
    byte[] passed = ByteBufUtil.getBytes(out);
    out.release();
    return passed;
  }

  private boolean stillListening() {
    return channel.pipeline().get(ServerHelloCapture.class) != null;
  }

  @Test
  void theServerHelloAfterARetryIsCopiedAcrossReadsAndAllBytesPassOn() {
    byte[] flight = concat(RETRY, CCS, HELLO, ENCRYPTED);
    int helloStart = RETRY.length + CCS.length;
    // cut inside the retry's header, inside the ServerHello and right after it
    byte[] passed = read(flight, 3, helloStart + 20, helloStart + HELLO.length);
    assertThat(passed).isEqualTo(flight);
    assertThat(captured).hasSize(1);
    assertThat(captured.get(0))
        .as("the ServerHello message, without its record header")
        .isEqualTo(Arrays.copyOfRange(HELLO, 5, HELLO.length));
    assertThat(stillListening()).isFalse();
  }

  @Test
  void aHelloNotYetWholeKeepsItListening() {
    read(Arrays.copyOf(HELLO, HELLO.length - 1));
    assertThat(captured).isEmpty();
    assertThat(stillListening()).isTrue();
  }

  @Test
  void aHelloSplitOverTwoRecordsIsNotCaptured() {
    byte[] message = Arrays.copyOfRange(HELLO, 5, HELLO.length);
    byte[] flight =
        concat(
            record(22, Arrays.copyOf(message, 20)),
            record(22, Arrays.copyOfRange(message, 20, message.length)));
    assertThat(read(flight)).isEqualTo(flight);
    assertThat(captured).isEmpty();
    assertThat(stillListening()).isFalse();
  }

  @Test
  void anAlertFirstEndsTheCaptureWithoutAHello() {
    byte[] flight = concat(record(21, hex("0228")), HELLO);
    assertThat(read(flight)).isEqualTo(flight);
    assertThat(captured).isEmpty();
    assertThat(stillListening()).isFalse();
  }

  @Test
  void anotherHandshakeMessageFirstEndsTheCapture() {
    read(concat(record(22, ServerMessages.serverHelloDone()), HELLO));
    assertThat(captured).isEmpty();
    assertThat(stillListening()).isFalse();
  }

  @Test
  void aRecordLongerThanPlaintextMayBeEndsTheCaptureAtItsHeader() {
    byte[] header = hex("1603034001");
    assertThat(read(header)).isEqualTo(header);
    assertThat(captured).isEmpty();
    assertThat(stillListening()).isFalse();
  }
}
