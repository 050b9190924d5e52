package io.tlsscan.probe.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.ProtocolVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** How much of a server's answer the first-bytes read keeps. */
class FirstBytesHandlerTest {
  private static final ClientHello HELLO =
      ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
          .cipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256))
          .build();

  private record Read(EmbeddedChannel channel, AtomicReference<byte[]> bytes) {}

  private static Read read(int maxBytes) {
    AtomicReference<byte[]> bytes = new AtomicReference<>();
    AtomicReference<EmbeddedChannel> channel = new AtomicReference<>();
    Mono.<byte[]>create(
            sink ->
                channel.set(
                    new EmbeddedChannel(
                        new FirstBytesHandler(sink, HELLO, maxBytes, Duration.ofSeconds(5)))))
        .subscribe(bytes::set);
    return new Read(channel.get(), bytes);
  }

  private static byte[] record(int length) {
    byte[] record = new byte[5 + length];
    record[0] = 22;
    record[1] = 3;
    record[2] = 3;
    record[3] = (byte) (length >> 8);
    record[4] = (byte) length;
    return record;
  }

  @Test
  void aRecordLongerThanOneReadIsReadWhole() {
    Read read = read(20_000);
    byte[] record = record(3000);
    read.channel().writeInbound(Unpooled.wrappedBuffer(record, 0, 1000));
    assertThat(read.bytes().get()).as("after a third of the record").isNull();
    read.channel().writeInbound(Unpooled.wrappedBuffer(record, 1000, record.length - 1000));
    assertThat(read.bytes().get()).hasSize(record.length);
    assertThat(read.channel().isOpen()).as("closed once read").isFalse();
  }

  @Test
  void theCapEndsTheRead() {
    Read read = read(1484);
    read.channel().writeInbound(Unpooled.wrappedBuffer(record(3000)));
    assertThat(read.bytes().get()).hasSize(1484);
  }

  @Test
  void whatArrivedWithTheFirstRecordIsKeptAndACloseWithNothingIsEmpty() {
    Read read = read(1484);
    byte[] twoRecords = new byte[2 * 105];
    System.arraycopy(record(100), 0, twoRecords, 0, 105);
    System.arraycopy(record(100), 0, twoRecords, 105, 105);
    read.channel().writeInbound(Unpooled.wrappedBuffer(twoRecords));
    assertThat(read.bytes().get()).hasSize(210);

    Read closed = read(1484);
    closed.channel().close();
    assertThat(closed.bytes().get()).isEmpty();
  }

  @Test
  void theHelloIsSentFirst() {
    Read read = read(1484);
    io.netty.buffer.ByteBuf sent = read.channel().readOutbound();
    try {
      assertThat(io.netty.buffer.ByteBufUtil.getBytes(sent)).isEqualTo(HELLO.bytes());
    } finally {
      sent.release();
    }
  }
}
