package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsRecordSnifferTest {

  private static ByteBuf bytes(int... values) {
    ByteBuf buf = Unpooled.buffer(values.length);
    for (int v : values) {
      buf.writeByte(v);
    }
    return buf;
  }

  private static ByteBuf text(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
  }

  @Test
  void handshakeAndAlertRecordsAreTls() {
    ByteBuf handshake = bytes(0x16, 0x03, 0x03, 0x00, 0x4a);
    ByteBuf alert = bytes(0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28);

    assertThat(TlsRecordSniffer.sniff(handshake))
        .isInstanceOf(TlsRecordSniffer.Verdict.MaybeTls.class);
    assertThat(TlsRecordSniffer.sniff(alert)).isInstanceOf(TlsRecordSniffer.Verdict.MaybeTls.class);
    assertThat(TlsRecordSniffer.nonTlsDescription(alert)).isEmpty();
    assertThat(handshake.readerIndex()).as("sniffing never consumes").isZero();
  }

  @Test
  void sslv2ServerHelloAndErrorAreTls() {
    // Given a two-byte SSLv2 header, SERVER-HELLO, session-id-hit 0, certificate type X.509
    ByteBuf serverHello = bytes(0x83, 0x20, 0x04, 0x00, 0x01, 0x00, 0x02);
    // and an SSLv2 ERROR (NO-CIPHER-ERROR)
    ByteBuf error = bytes(0x80, 0x03, 0x00, 0x00, 0x01);

    assertThat(TlsRecordSniffer.sniff(serverHello))
        .isInstanceOf(TlsRecordSniffer.Verdict.MaybeTls.class);
    assertThat(TlsRecordSniffer.sniff(error)).isInstanceOf(TlsRecordSniffer.Verdict.MaybeTls.class);
  }

  @Test
  void tlsContentTypeWithWrongVersionIsNotTls() {
    ByteBuf buf = bytes(0x16, 0x01, 0x00, 0x00, 0x10, 0x00);

    assertThat(TlsRecordSniffer.nonTlsDescription(buf)).contains("bytes 16 01 00 00 10 00");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP/1.1 400 Bad Request|HTTP",
        "SSH-2.0-OpenSSH_9.2p1 Debian|an SSH banner",
        "220 mail.example ESMTP Postfix|an SMTP/FTP banner",
        "220-FileZilla Server|an SMTP/FTP banner",
        "+OK Dovecot ready.|a POP3 banner",
        "* OK [CAPABILITY IMAP4rev1] ready|an IMAP banner",
      })
  void namesWellKnownBanners(String banner, String expected) {
    assertThat(TlsRecordSniffer.sniff(text(banner + "\r\n")))
        .isEqualTo(new TlsRecordSniffer.Verdict.NotTls(expected));
  }

  @Test
  void otherTextIsQuotedAndCutAtFortyCharacters() {
    ByteBuf buf = text("hello \"world\"\r\nthis line is long enough to be cut somewhere here");

    Optional<String> description = TlsRecordSniffer.nonTlsDescription(buf);

    assertThat(description).contains("text \"hello \\\"world\\\"\\r\\nthis line is long enough \"");
  }

  @Test
  void binaryIsShownAsHexOfSixteenBytes() {
    ByteBuf buf = Unpooled.buffer();
    for (int i = 0; i < 32; i++) {
      buf.writeByte(i);
    }

    assertThat(TlsRecordSniffer.nonTlsDescription(buf))
        .contains("bytes 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
  }

  @Test
  void waitsForMoreBytesWhileUndecided() {
    assertThat(TlsRecordSniffer.sniff(bytes(0x16)))
        .isInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
    assertThat(TlsRecordSniffer.sniff(Unpooled.EMPTY_BUFFER))
        .isInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
    assertThat(TlsRecordSniffer.sniff(bytes(0x80, 0x20)))
        .isInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
    // A banner prefix waits too, so that the description can name it.
    assertThat(TlsRecordSniffer.sniff(text("+O")))
        .isInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
  }

  @Test
  void shortAnswerIsDescribedWithWhatArrived() {
    assertThat(TlsRecordSniffer.nonTlsDescription(text("+O"))).contains("text \"+O\"");
    assertThat(TlsRecordSniffer.nonTlsDescription(bytes(0x16))).isEmpty();
    assertThat(TlsRecordSniffer.nonTlsDescription(Unpooled.EMPTY_BUFFER)).isEmpty();
  }

  @Test
  void neverNeedsMoreThanMinimumBytes() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      byte[] data = new byte[TlsRecordSniffer.minimumBytes()];
      random.nextBytes(data);

      assertThat(TlsRecordSniffer.sniff(Unpooled.wrappedBuffer(data)))
          .isNotInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
    }
  }

  @Test
  void looksOnlyAtReadableBytes() {
    ByteBuf buf = text("xxHTTP/1.0 200 OK");
    buf.skipBytes(2);

    assertThat(TlsRecordSniffer.nonTlsDescription(buf)).contains("HTTP");
    assertThat(buf.readerIndex()).isEqualTo(2);
  }
}
