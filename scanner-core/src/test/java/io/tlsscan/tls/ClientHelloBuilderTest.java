package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.junit.jupiter.api.Test;

class ClientHelloBuilderTest {

  private static final List<CipherSuite> TWO_SUITES =
      List.of(
          CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
          CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA);

  /** The parts of a hello a test looks at. */
  private record Parsed(
      int recordVersion,
      int clientVersion,
      byte[] sessionId,
      List<Integer> suites,
      List<Integer> compression,
      Map<Integer, byte[]> extensions,
      int handshakeLength) {}

  private static Parsed parse(ClientHello hello) {
    ByteBuf buf = Unpooled.wrappedBuffer(hello.bytes());
    assertThat(buf.readUnsignedByte()).as("record type").isEqualTo((short) 22);
    int recordVersion = buf.readUnsignedShort();
    int recordLength = buf.readUnsignedShort();
    assertThat(buf.readableBytes()).as("record length").isEqualTo(recordLength);
    assertThat(buf.readUnsignedByte()).as("handshake type").isEqualTo((short) 1);
    int bodyLength = buf.readUnsignedMedium();
    assertThat(buf.readableBytes()).as("handshake length").isEqualTo(bodyLength);
    int clientVersion = buf.readUnsignedShort();
    buf.skipBytes(32);
    byte[] sessionId = new byte[buf.readUnsignedByte()];
    buf.readBytes(sessionId);
    int suitesLength = buf.readUnsignedShort();
    List<Integer> suites = new java.util.ArrayList<>();
    for (int i = 0; i < suitesLength / 2; i++) {
      suites.add(buf.readUnsignedShort());
    }
    int compressionLength = buf.readUnsignedByte();
    List<Integer> compression = new java.util.ArrayList<>();
    for (int i = 0; i < compressionLength; i++) {
      compression.add((int) buf.readUnsignedByte());
    }
    Map<Integer, byte[]> extensions = new LinkedHashMap<>();
    if (buf.isReadable()) {
      int extensionsLength = buf.readUnsignedShort();
      assertThat(buf.readableBytes()).as("extensions length").isEqualTo(extensionsLength);
      while (buf.isReadable()) {
        int type = buf.readUnsignedShort();
        byte[] data = new byte[buf.readUnsignedShort()];
        buf.readBytes(data);
        extensions.put(type, data);
      }
    }
    return new Parsed(
        recordVersion, clientVersion, sessionId, suites, compression, extensions, 4 + bodyLength);
  }

  private static String hex(byte[] bytes) {
    return ByteBufUtil.hexDump(bytes);
  }

  @Test
  void tls12HelloCarriesTheUsualExtensions() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(TWO_SUITES)
            .serverName("example.com")
            .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
            .signatureSchemes(List.of(SignatureScheme.RSA_PSS_RSAE_SHA256))
            .padding(false)
            .random(new Random(1))
            .build();

    Parsed parsed = parse(hello);

    assertThat(parsed.recordVersion()).isEqualTo(0x0301);
    assertThat(parsed.clientVersion()).isEqualTo(0x0303);
    assertThat(parsed.sessionId()).isEmpty();
    assertThat(parsed.suites()).containsExactly(0xC02F, 0x002F);
    assertThat(parsed.compression()).containsExactly(0);
    assertThat(parsed.extensions().keySet()).containsExactly(0, 10, 11, 13, 23, 35, 0xff01);
    assertThat(hex(parsed.extensions().get(0)))
        .isEqualTo("000e00000b" + hex("example.com".getBytes()));
    assertThat(hex(parsed.extensions().get(10))).isEqualTo("0004001d0017");
    assertThat(hex(parsed.extensions().get(11))).isEqualTo("0100");
    assertThat(hex(parsed.extensions().get(13))).isEqualTo("00020804");
    assertThat(hex(parsed.extensions().get(0xff01))).isEqualTo("00");
    assertThat(hello.cipherSuites()).isEqualTo(TWO_SUITES);
  }

  @Test
  void applicationProtocolsAreOfferedInOrder() {
    ClientHelloBuilder plain =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2).cipherSuites(TWO_SUITES);

    Parsed parsed = parse(plain.applicationProtocols(List.of("h2", "http/1.1")).build());

    assertThat(hex(parsed.extensions().get(16)))
        .isEqualTo("000c" + "026832" + "08" + hex("http/1.1".getBytes()));
    assertThat(parse(plain.build()).extensions()).as("none by default").doesNotContainKey(16);
    assertThatThrownBy(() -> plain.applicationProtocols(List.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resumingHelloCarriesItsSessionIdAndTicket() {
    byte[] ticket = new byte[300];
    java.util.Arrays.fill(ticket, (byte) 0x7e);
    ClientHelloBuilder resuming =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(TWO_SUITES)
            .sessionId(new byte[] {0x42})
            .sessionTicket(ticket);

    Parsed parsed = parse(resuming.build());

    assertThat(parsed.sessionId()).containsExactly(0x42);
    assertThat(parsed.extensions().get(35)).isEqualTo(ticket);
    assertThatThrownBy(() -> resuming.sessionId(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33 bytes");
  }

  @Test
  void tls10HelloHasNoSignatureAlgorithms() {
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_0)
                .cipherSuites(TWO_SUITES)
                .build());

    assertThat(parsed.clientVersion()).isEqualTo(0x0301);
    assertThat(parsed.extensions()).doesNotContainKey(13);
  }

  @Test
  void sslv3HelloHasNoExtensionsAndSignalsRenegotiation() {
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.SSLv3)
                .cipherSuites(List.of(CipherSuite.TLS_RSA_WITH_RC4_128_SHA))
                .build());

    assertThat(parsed.recordVersion()).isEqualTo(0x0300);
    assertThat(parsed.clientVersion()).isEqualTo(0x0300);
    assertThat(parsed.suites()).containsExactly(0x0005, 0x00FF);
    assertThat(parsed.extensions()).isEmpty();
  }

  @Test
  void tls13HelloOffersOnlyTls13WithAKeyShare() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
            .build();

    Parsed parsed = parse(hello);

    assertThat(parsed.recordVersion()).isEqualTo(0x0301);
    assertThat(parsed.clientVersion()).isEqualTo(0x0303);
    assertThat(parsed.sessionId()).hasSize(32);
    assertThat(hex(parsed.extensions().get(43))).isEqualTo("020304");
    assertThat(hex(parsed.extensions().get(45))).isEqualTo("0101");
    byte[] keyShare = parsed.extensions().get(51);
    assertThat(hex(keyShare).substring(0, 12)).isEqualTo("0024" + "001d" + "0020");
    assertThat(keyShare).hasSize(2 + 4 + 32);
    assertThat(parsed.extensions()).doesNotContainKeys(23, 35, 0xff01);
    assertThat(hello.keyShares()).containsExactly(NamedGroup.X25519);
  }

  @Test
  void secp256r1KeyShareIsAPointOnTheCurve() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .groups(List.of(NamedGroup.SECP256R1))
            .build();

    byte[] keyShare = parse(hello).extensions().get(51);
    byte[] point = Arrays.copyOfRange(keyShare, 6, keyShare.length);

    assertThat(hex(keyShare).substring(0, 12)).isEqualTo("0045" + "0017" + "0041");
    assertThat(point[0]).as("uncompressed").isEqualTo((byte) 4);
    assertThat(ECNamedCurveTable.getByName("secp256r1").getCurve().decodePoint(point).isValid())
        .isTrue();
  }

  @Test
  void x25519KeyShareIsAPublicKeyAStrictServerAccepts() {
    // Given a hello with an x25519 share (wolfSSL refuses one whose top bit is set)
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .build();

    // When the share is read back
    byte[] keyShare = parse(hello).extensions().get(51);
    byte[] share = Arrays.copyOfRange(keyShare, 6, keyShare.length);

    // Then it is a canonical u-coordinate that agrees on a non-zero secret with a real key
    assertThat(share[31] & 0x80).as("most significant bit").isZero();
    byte[] secret = new byte[32];
    assertThat(
            org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(
                new byte[32], 0, share, 0, secret, 0))
        .as("not a low-order point")
        .isTrue();
  }

  @Test
  void hybridKeyShareHasTheRegisteredLength() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .groups(List.of(NamedGroup.X25519_MLKEM768, NamedGroup.X25519))
            .build();

    byte[] keyShare = parse(hello).extensions().get(51);

    assertThat(hex(keyShare).substring(0, 12)).isEqualTo("04c4" + "11ec" + "04c0");
  }

  @Test
  void emptyKeyShareListSendsNoShares() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .keyShares(List.of())
            .build();

    assertThat(hex(parse(hello).extensions().get(51))).isEqualTo("0000");
  }

  @Test
  void sslv2HelloUsesTheTwoByteHeader() {
    ClientHello hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.SSLv2)
            .sslv2CipherSpecs(List.of(Sslv2CipherSpec.SSL_CK_RC4_128_WITH_MD5))
            .build();

    String bytes = hex(hello.bytes());

    // length 9 + 3 + 16 = 28, CLIENT-HELLO, version 2, specs 3, session id 0, challenge 16
    assertThat(bytes).startsWith("801c" + "01" + "0002" + "0003" + "0000" + "0010" + "010080");
    assertThat(hello.length()).isEqualTo(30);
  }

  @Test
  void paddingKeepsHellosOutOfTheF5Range() {
    ClientHelloBuilder builder =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(CipherSuite.forVersion(ProtocolVersion.TLSv1_2).subList(0, 70))
            .groups(List.of(NamedGroup.X25519));

    Parsed unpadded = parse(builder.padding(false).build());
    Parsed padded = parse(builder.build());

    assertThat(unpadded.handshakeLength()).isBetween(256, 511);
    assertThat(padded.handshakeLength()).isGreaterThanOrEqualTo(512);
    assertThat(padded.extensions()).containsKey(21);
  }

  @Test
  void smallHellosAreNotPadded() {
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                .cipherSuites(TWO_SUITES)
                .groups(List.of(NamedGroup.X25519))
                .signatureSchemes(List.of(SignatureScheme.ED25519))
                .build());

    assertThat(parsed.handshakeLength()).isLessThan(256);
    assertThat(parsed.extensions()).doesNotContainKey(21);
  }

  @Test
  void ipLiteralIsNotSentAsServerName() {
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                .cipherSuites(TWO_SUITES)
                .serverName("127.0.0.1")
                .build());

    assertThat(parsed.extensions()).doesNotContainKey(0);
  }

  @Test
  void deflateIsOfferedBeforeNull() {
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                .cipherSuites(TWO_SUITES)
                .offerDeflate(true)
                .build());

    assertThat(parsed.compression()).containsExactly(1, 0);
  }

  @Test
  void rejectsProgrammerErrors() {
    ClientHelloBuilder builder = ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2);

    assertThatThrownBy(() -> builder.cipherSuites(CipherSuite.all().subList(0, 129)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("129");
    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.keyShares(List.of(NamedGroup.SECT163K1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.serverName("bücher.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seededRandomMakesTheSameBytes() {
    ClientHelloBuilder builder =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_3)
            .cipherSuites(List.of(CipherSuite.TLS_AES_128_GCM_SHA256))
            .groups(List.of(NamedGroup.X25519));

    assertThat(builder.random(new Random(7)).build().bytes())
        .isEqualTo(builder.random(new Random(7)).build().bytes());
  }

  @Test
  void tls12HelloOffersTheSessionIdToResume() {
    // Given a session id of 32 bytes
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) 0x5A);
    // When a TLS 1.2 hello offers it
    byte[] hello =
        ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
            .cipherSuites(List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256))
            .sessionId(id)
            .build()
            .bytes();
    // Then it follows the random: record (5) + handshake header (4) + version (2) + random (32)
    assertThat(hello[43]).isEqualTo((byte) 32);
    assertThat(Arrays.copyOfRange(hello, 44, 76)).isEqualTo(id);
    assertThatThrownBy(
            () -> ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2).sessionId(new byte[33]))
        .hasMessageContaining("session id of 33 bytes; at most 32");
  }

  @Test
  void tls12HelloSendsTheTicketToResumeAndKeepsItsSessionId() {
    // Given a ticket and the session id to go with it
    byte[] ticket = {1, 2, 3, 4, 5};
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) 0x11);
    // When a TLS 1.2 hello offers both
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                .cipherSuites(TWO_SUITES)
                .sessionTicket(ticket)
                .sessionId(id)
                .build());
    // Then the session_ticket extension carries the ticket and the id is sent
    assertThat(parsed.extensions().get(35)).isEqualTo(ticket);
    assertThat(parsed.sessionId()).isEqualTo(id);
  }

  @Test
  void tls12HelloWithoutSessionTicketLeavesTheExtensionOut() {
    // Given a TLS 1.2 hello that resumes by session id alone
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) 0x22);
    Parsed parsed =
        parse(
            ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                .cipherSuites(TWO_SUITES)
                .sessionId(id)
                .withoutSessionTicket()
                .build());
    // Then it has no session_ticket extension (a default hello has an empty one), and the id
    assertThat(parsed.extensions()).doesNotContainKey(35);
    assertThat(
            parse(
                    ClientHelloBuilder.forVersion(ProtocolVersion.TLSv1_2)
                        .cipherSuites(TWO_SUITES)
                        .build())
                .extensions()
                .get(35))
        .isEmpty();
    assertThat(parsed.sessionId()).isEqualTo(id);
  }
}
