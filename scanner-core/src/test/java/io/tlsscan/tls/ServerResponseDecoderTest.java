package io.tlsscan.tls;

import static io.tlsscan.tls.ServerMessages.certificate;
import static io.tlsscan.tls.ServerMessages.concat;
import static io.tlsscan.tls.ServerMessages.dheKeyExchange;
import static io.tlsscan.tls.ServerMessages.ecdheKeyExchange;
import static io.tlsscan.tls.ServerMessages.extension;
import static io.tlsscan.tls.ServerMessages.handshake;
import static io.tlsscan.tls.ServerMessages.hex;
import static io.tlsscan.tls.ServerMessages.oneByteRecords;
import static io.tlsscan.tls.ServerMessages.record;
import static io.tlsscan.tls.ServerMessages.serverHello;
import static io.tlsscan.tls.ServerMessages.serverHelloDone;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tlsscan.tls.ServerResponseDecoder.Scope;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerResponseDecoderTest {
  private static final int HANDSHAKE = 22;
  private static final int ALERT = 21;

  private static final byte[] TLS12_HELLO =
      serverHello(0x0303, null, 0xC02F, extension(0xff01, hex("00")), extension(23, new byte[0]));

  /** Feeds {@code bytes} in chunks of {@code chunk} bytes, then closes; returns all outputs. */
  private static List<Object> decode(Scope scope, byte[] bytes, int chunk, boolean close) {
    EmbeddedChannel channel = new EmbeddedChannel(new ServerResponseDecoder(scope));
    for (int i = 0; i < bytes.length; i += chunk) {
      int end = Math.min(bytes.length, i + chunk);
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, end - i));
    }
    if (close) {
      channel.finish();
    }
    List<Object> out = new ArrayList<>();
    for (Object o = channel.readInbound(); o != null; o = channel.readInbound()) {
      out.add(o);
    }
    channel.finishAndReleaseAll();
    return out;
  }

  private static ServerResponse single(Scope scope, byte[] bytes) {
    List<Object> out = decode(scope, bytes, bytes.length == 0 ? 1 : bytes.length, true);
    assertThat(out).as("exactly one response").hasSize(1);
    return (ServerResponse) out.get(0);
  }

  @Test
  void tls12ServerHello() {
    ServerResponse response = single(Scope.SERVER_HELLO, record(HANDSHAKE, TLS12_HELLO));

    assertThat(response).isInstanceOf(ServerResponse.ServerHello.class);
    ServerResponse.ServerHello hello = (ServerResponse.ServerHello) response;
    assertThat(hello.version()).isEqualTo(ProtocolVersion.TLSv1_2);
    assertThat(hello.suite()).contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(hello.compressionMethod()).isZero();
    assertThat(hello.sessionId()).containsExactly(1, 2, 3, 4);
    assertThat(hello.secureRenegotiation()).isTrue();
    assertThat(hello.extensions()).containsExactly(0xff01, 23);
    assertThat(hello.flight()).isEmpty();
    assertThat(hello.accepts(ProtocolVersion.TLSv1_2)).isTrue();
    assertThat(hello.accepts(ProtocolVersion.TLSv1_3)).as("answers another version").isFalse();
  }

  @Test
  void tls13ServerHelloHonoursSupportedVersions() {
    byte[] hello =
        serverHello(
            0x0303,
            null,
            0x1302,
            extension(43, hex("0304")),
            extension(51, concat(hex("001d 0020"), new byte[32])));
    byte[] bytes =
        concat(record(HANDSHAKE, hello), record(20, hex("01")), record(23, new byte[40]));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    assertThat(response.version()).isEqualTo(ProtocolVersion.TLSv1_3);
    assertThat(response.suite()).contains(CipherSuite.TLS_AES_256_GCM_SHA384);
    assertThat(response.group()).contains(NamedGroup.X25519);
    assertThat(response.secureRenegotiation()).isFalse();
    assertThat(response.flight()).as("TLS 1.3 flight is encrypted").isEmpty();
    assertThat(response.accepts(ProtocolVersion.TLSv1_3)).isTrue();
    assertThat(response.accepts(ProtocolVersion.TLSv1_2)).isFalse();
  }

  @Test
  void helloRetryRequestNamesTheGroup() {
    byte[] hrr =
        serverHello(
            0x0303,
            ServerMessages.HRR_RANDOM,
            0x1301,
            extension(43, hex("0304")),
            extension(51, hex("0017")));

    ServerResponse response = single(Scope.SERVER_HELLO, record(HANDSHAKE, hrr));

    assertThat(response).isInstanceOf(ServerResponse.HelloRetryRequest.class);
    ServerResponse.HelloRetryRequest retry = (ServerResponse.HelloRetryRequest) response;
    assertThat(retry.group()).contains(NamedGroup.SECP256R1);
    assertThat(retry.suite()).contains(CipherSuite.TLS_AES_128_GCM_SHA256);
    assertThat(retry.accepts(ProtocolVersion.TLSv1_3)).isTrue();
    assertThat(retry.accepts(ProtocolVersion.TLSv1_2)).as("TLS 1.3 only").isFalse();
  }

  @Test
  void fatalAlert() {
    ServerResponse response = single(Scope.SERVER_HELLO, record(ALERT, hex("0228")));

    assertThat(response).isEqualTo(new ServerResponse.Alert(2, 40));
    assertThat(((ServerResponse.Alert) response).descriptionName()).isEqualTo("handshake_failure");
    assertThat(((ServerResponse.Alert) response).fatal()).isTrue();
    assertThat(response.accepts(ProtocolVersion.TLSv1_2)).isFalse();
  }

  @Test
  void warningBeforeServerHelloIsSkipped() {
    byte[] bytes = concat(record(ALERT, hex("0170")), record(HANDSHAKE, TLS12_HELLO));

    assertThat(single(Scope.SERVER_HELLO, bytes)).isInstanceOf(ServerResponse.ServerHello.class);
  }

  @Test
  void serverHelloInOneByteRecords() {
    ServerResponse response = single(Scope.SERVER_HELLO, oneByteRecords(HANDSHAKE, TLS12_HELLO));

    assertThat(response).isInstanceOf(ServerResponse.ServerHello.class);
  }

  @Test
  void serverHelloDeliveredOneByteAtATime() {
    byte[] bytes = record(HANDSHAKE, TLS12_HELLO);
    EmbeddedChannel channel = new EmbeddedChannel(new ServerResponseDecoder(Scope.SERVER_HELLO));

    // When all but the last byte arrived, nothing is emitted yet
    for (int i = 0; i < bytes.length - 1; i++) {
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, 1));
    }
    assertThat((Object) channel.readInbound()).isNull();
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, bytes.length - 1, 1));

    assertThat((Object) channel.readInbound()).isInstanceOf(ServerResponse.ServerHello.class);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void fullFlightInOneRecord() {
    byte[] leaf = hex("3082000101");
    byte[] ca = hex("3082000202");
    byte[] flight =
        concat(TLS12_HELLO, certificate(leaf, ca), ecdheKeyExchange(0x0017), serverHelloDone());

    ServerResponse.ServerHello hello =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, record(HANDSHAKE, flight));

    ServerFlight serverFlight = hello.flight().orElseThrow();
    assertThat(serverFlight.complete()).isTrue();
    assertThat(serverFlight.certificates()).containsExactly(leaf, ca);
    assertThat(serverFlight.keyExchange())
        .contains(new KeyExchangeParameters.NamedCurve(NamedGroup.SECP256R1.code()));
  }

  @Test
  void dheFlightSplitAcrossRecordsGivesThePrimeSize() {
    byte[] hello = serverHello(0x0303, null, 0x009E);
    byte[] cert = certificate(new byte[3000]);
    byte[] bytes =
        concat(
            record(HANDSHAKE, hello),
            record(HANDSHAKE, java.util.Arrays.copyOfRange(cert, 0, 1000)),
            record(
                HANDSHAKE,
                concat(java.util.Arrays.copyOfRange(cert, 1000, cert.length), dheKeyExchange(256))),
            record(HANDSHAKE, serverHelloDone()));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    ServerFlight serverFlight = response.flight().orElseThrow();
    assertThat(serverFlight.complete()).isTrue();
    assertThat(serverFlight.certificates()).hasSize(1);
    assertThat(serverFlight.keyExchange())
        .contains(new KeyExchangeParameters.DiffieHellman(2048, Optional.empty()));
  }

  @Test
  void changeCipherSpecAfterServerHelloAndTicketIsAResumption() {
    byte[] ticket = handshake(4, hex("0000012c0003aabbcc"));
    byte[] bytes =
        concat(
            record(HANDSHAKE, concat(TLS12_HELLO, ticket)),
            record(20, hex("01")),
            record(HANDSHAKE, new byte[40]));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    ServerFlight serverFlight = response.flight().orElseThrow();
    assertThat(serverFlight.resumed()).isTrue();
    assertThat(serverFlight.complete()).isFalse();
    assertThat(serverFlight.certificates()).isEmpty();
  }

  @Test
  void changeCipherSpecAfterACertificateIsNoResumption() {
    byte[] bytes =
        concat(
            record(HANDSHAKE, concat(TLS12_HELLO, certificate(hex("30")))), record(20, hex("01")));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    ServerFlight serverFlight = response.flight().orElseThrow();
    assertThat(serverFlight.resumed()).isFalse();
    assertThat(serverFlight.incompleteReason()).contains("ChangeCipherSpec before ServerHelloDone");
  }

  @Test
  void aFullFlightIsNoResumption() {
    byte[] bytes =
        record(HANDSHAKE, concat(TLS12_HELLO, certificate(hex("30")), serverHelloDone()));

    ServerFlight serverFlight =
        ((ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes)).flight().orElseThrow();

    assertThat(serverFlight.resumed()).isFalse();
    assertThat(serverFlight.complete()).isTrue();
  }

  @Test
  void tls12EcdheKeyExchangeNamesItsSignatureAlgorithm() {
    // Given a TLS 1.2 ECDHE_RSA flight whose ServerKeyExchange is signed with rsa_pss_rsae_sha256
    byte[] keyExchange =
        handshake(12, concat(hex("03001d20"), new byte[32], hex("0804"), hex("0002"), hex("abcd")));
    byte[] bytes =
        record(
            HANDSHAKE, concat(serverHello(0x0303, null, 0xC02F), keyExchange, serverHelloDone()));
    // When the flight is decoded
    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);
    // Then the algorithm is read along with the curve
    ServerFlight flight = response.flight().orElseThrow();
    assertThat(flight.signatureScheme()).hasValue(0x0804);
    assertThat(flight.keyExchange()).contains(new KeyExchangeParameters.NamedCurve(0x001d));
  }

  @Test
  void closeBeforeServerHelloDoneKeepsWhatWasRead() {
    byte[] bytes = record(HANDSHAKE, concat(TLS12_HELLO, certificate(hex("30"))));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    ServerFlight serverFlight = response.flight().orElseThrow();
    assertThat(serverFlight.complete()).isFalse();
    assertThat(serverFlight.incompleteReason())
        .contains("connection closed before ServerHelloDone");
    assertThat(serverFlight.certificates()).hasSize(1);
  }

  @Test
  void keepsAtMostSixteenCertificates() {
    byte[][] chain = new byte[20][];
    for (int i = 0; i < chain.length; i++) {
      chain[i] = new byte[] {(byte) i};
    }
    byte[] bytes = record(HANDSHAKE, concat(TLS12_HELLO, certificate(chain), serverHelloDone()));

    ServerResponse.ServerHello response =
        (ServerResponse.ServerHello) single(Scope.SERVER_FLIGHT, bytes);

    assertThat(response.flight().orElseThrow().certificates())
        .hasSize(ServerResponseDecoder.MAX_CERTIFICATES);
  }

  @Test
  void oversizedRecordIsMalformed() {
    byte[] bytes = hex("16 0303 4801");

    assertThat(single(Scope.SERVER_HELLO, bytes))
        .isEqualTo(new ServerResponse.Malformed("record of 18433 bytes exceeds 18432"));
  }

  @Test
  void oversizedHandshakeMessageIsMalformed() {
    byte[] bytes = record(HANDSHAKE, hex("02 050000"));

    assertThat(single(Scope.SERVER_HELLO, bytes)).isInstanceOf(ServerResponse.Malformed.class);
  }

  @Test
  void neverBuffersMoreThanTheCap() {
    // Given a ServerHello that claims 200 KiB and never ends, in full 16 KiB records
    byte[] first = record(HANDSHAKE, concat(hex("02 032000"), new byte[16_000]));
    EmbeddedChannel channel = new EmbeddedChannel(new ServerResponseDecoder(Scope.SERVER_HELLO));
    int fed = 0;
    Object response = null;
    while (response == null && fed < 200_000) {
      byte[] next = fed == 0 ? first : record(HANDSHAKE, new byte[16_000]);
      channel.writeInbound(Unpooled.wrappedBuffer(next));
      fed += next.length;
      response = channel.readInbound();
    }

    // Then the decoder gives up once it has seen 64 KiB
    assertThat(response).isInstanceOf(ServerResponse.Malformed.class);
    assertThat(fed).isLessThanOrEqualTo(Scope.SERVER_HELLO.maxBytes() + 16_005);
    channel.finishAndReleaseAll();
  }

  @Test
  void emptyCloseIsClosed() {
    assertThat(single(Scope.SERVER_HELLO, new byte[0])).isEqualTo(new ServerResponse.Closed());
  }

  @Test
  void halfARecordIsTruncated() {
    byte[] bytes = record(HANDSHAKE, TLS12_HELLO);
    byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);

    assertThat(single(Scope.SERVER_HELLO, half)).isInstanceOf(ServerResponse.Truncated.class);
    assertThat(single(Scope.SERVER_HELLO, hex("16 03")))
        .isInstanceOf(ServerResponse.Truncated.class);
  }

  @Test
  void httpAnswerIsNotTls() {
    byte[] bytes = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(single(Scope.SERVER_HELLO, bytes)).isEqualTo(new ServerResponse.NotTls("HTTP"));
    assertThat(single(Scope.SERVER_HELLO, "+O".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(new ServerResponse.NotTls("text \"+O\""));
  }

  @Test
  void sslv2ServerHello() {
    byte[] certificate = hex("3082 0001 00");
    byte[] body =
        concat(
            hex("04 00 01 0002"),
            hex("0005 0006 0010"),
            certificate,
            hex("010080 0700c0"),
            new byte[16]);
    byte[] bytes = concat(new byte[] {(byte) 0x80, (byte) body.length}, body);

    ServerResponse.Sslv2ServerHello hello =
        (ServerResponse.Sslv2ServerHello) single(Scope.SERVER_HELLO, bytes);

    assertThat(hello.knownCipherSpecs())
        .containsExactly(
            Sslv2CipherSpec.SSL_CK_RC4_128_WITH_MD5,
            Sslv2CipherSpec.SSL_CK_DES_192_EDE3_CBC_WITH_MD5);
    assertThat(hello.certificate()).isEqualTo(certificate);
  }

  @Test
  void sslv2Error() {
    assertThat(single(Scope.SERVER_HELLO, hex("8003 00 0001")))
        .isEqualTo(new ServerResponse.Sslv2Error(1));
  }

  @Test
  void changeCipherSpecBeforeServerHelloIsMalformed() {
    assertThat(single(Scope.SERVER_HELLO, record(20, hex("01"))))
        .isInstanceOf(ServerResponse.Malformed.class);
  }

  @Test
  void alpnSelectionIsRead() {
    byte[] hello = serverHello(0x0303, null, 0xC02F, extension(16, hex("0009086874 74702f312e31")));

    ServerResponse.ServerHello answer =
        (ServerResponse.ServerHello) single(Scope.SERVER_HELLO, record(HANDSHAKE, hello));

    assertThat(answer.applicationProtocol()).contains("http/1.1");
    assertThat(
            ((ServerResponse.ServerHello)
                    single(Scope.SERVER_HELLO, record(HANDSHAKE, TLS12_HELLO)))
                .applicationProtocol())
        .as("no ALPN extension")
        .isEmpty();
  }

  @Test
  void alpnSelectionOfTwoNamesIsMalformed() {
    byte[] hello = serverHello(0x0303, null, 0xC02F, extension(16, hex("0006026832 026833")));

    assertThat(single(Scope.SERVER_HELLO, record(HANDSHAKE, hello)))
        .isEqualTo(new ServerResponse.Malformed("ALPN selection is not one protocol name"));
  }

  @Test
  void unknownVersionIsMalformed() {
    byte[] hello = serverHello(0x0303, null, 0x1301, extension(43, hex("7f1c")));

    assertThat(single(Scope.SERVER_HELLO, record(HANDSHAKE, hello)))
        .isEqualTo(new ServerResponse.Malformed("server chose unknown version 0x7f1c"));
  }

  @Test
  void randomInputNeverThrowsAndAlwaysEndsInOneResponse() {
    Random random = new Random(20261126L);
    byte[] valid =
        record(
            HANDSHAKE,
            concat(
                TLS12_HELLO, certificate(new byte[40]), ecdheKeyExchange(29), serverHelloDone()));
    for (int iteration = 0; iteration < 3000; iteration++) {
      byte[] input = fuzzInput(random, valid);
      Scope scope = random.nextBoolean() ? Scope.SERVER_HELLO : Scope.SERVER_FLIGHT;
      int chunk = 1 + random.nextInt(Math.max(1, input.length));

      List<Object> out = decode(scope, input, chunk, true);

      assertThat(out).as("iteration %d", iteration).hasSize(1);
      assertThat(out.get(0)).isInstanceOf(ServerResponse.class);
    }
  }

  private static byte[] fuzzInput(Random random, byte[] valid) {
    switch (random.nextInt(3)) {
      case 0 -> {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
      }
      case 1 -> {
        byte[] payload = new byte[random.nextInt(400)];
        random.nextBytes(payload);
        byte[] bytes = record(HANDSHAKE, payload);
        if (payload.length > 0 && random.nextBoolean()) {
          bytes[5] = 2; // looks like a ServerHello
        }
        return bytes;
      }
      default -> {
        byte[] bytes = valid.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean()
            ? bytes
            : java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
    }
  }
}
