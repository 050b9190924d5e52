package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Optional;

/**
 * The sniffer judges any first bytes without moving the reader index, and its verdict never flips
 * as more bytes arrive: once TLS, always TLS; once not TLS, always not TLS.
 */
class TlsRecordSnifferFuzzTest {
  private static final int MAX_DESCRIPTION_CHARS = 100;
  private static final int SKIPPED_PREFIX = 3;

  @FuzzTest
  void verdictIsStableAsBytesArrive(byte[] bytes) {
    // Given a buffer whose reader index is not at 0, as after earlier reads
    ByteBuf buffer = Unpooled.buffer(SKIPPED_PREFIX + bytes.length);
    try {
      buffer.writeZero(SKIPPED_PREFIX).writeBytes(bytes).skipBytes(SKIPPED_PREFIX);
      TlsRecordSniffer.Verdict settled = null;
      for (int length = 0; length <= bytes.length; length++) {
        // When the first `length` bytes have arrived
        ByteBuf prefix = buffer.duplicate().writerIndex(SKIPPED_PREFIX + length);
        TlsRecordSniffer.Verdict verdict = TlsRecordSniffer.sniff(prefix);
        Optional<String> description = TlsRecordSniffer.nonTlsDescription(prefix);

        // Then nothing was consumed
        assertThat(prefix.readerIndex()).isEqualTo(SKIPPED_PREFIX);
        assertThat(prefix.readableBytes()).isEqualTo(length);

        // And enough bytes always settle it, and a settled verdict stays
        if (length >= TlsRecordSniffer.minimumBytes()) {
          assertThat(verdict).isNotInstanceOf(TlsRecordSniffer.Verdict.NeedMoreBytes.class);
        }
        if (settled != null) {
          assertThat(verdict).isInstanceOf(settled.getClass());
        } else if (!(verdict instanceof TlsRecordSniffer.Verdict.NeedMoreBytes)) {
          settled = verdict;
        }

        // And a description exists exactly for bytes that cannot be TLS, short and printable
        if (verdict instanceof TlsRecordSniffer.Verdict.NotTls notTls) {
          assertThat(description).contains(notTls.description());
        }
        if (verdict instanceof TlsRecordSniffer.Verdict.MaybeTls) {
          assertThat(description).isEmpty();
        }
        description.ifPresent(
            text -> {
              assertThat(text).isNotBlank().hasSizeLessThan(MAX_DESCRIPTION_CHARS);
              assertThat(text.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
            });
      }
      assertThat(buffer.readerIndex()).isEqualTo(SKIPPED_PREFIX);
    } finally {
      buffer.release();
    }
  }
}
