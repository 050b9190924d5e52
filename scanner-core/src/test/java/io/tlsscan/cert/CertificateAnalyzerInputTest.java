package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.TrustError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains that are not certificates at all. */
class CertificateAnalyzerInputTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final CertificateAnalyzer analyzer = new CertificateAnalyzer(TrustAnchors.of(List.of()));

  @Test
  void emptyChainIsInvalidWithUnknownHostname() {
    CertificateReport report = analyzer.analyze(List.of(), "shop.example", NOW);

    assertThat(report.trusted()).isFalse();
    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.UNKNOWN);
    assertThat(report.chain()).isEmpty();
    assertThat(report.issues())
        .singleElement()
        .satisfies(issue -> assertThat(issue.message()).isEqualTo("server sent no certificate"));
  }

  @Test
  void garbageDerIsInvalidAndNamesItsPosition() {
    // Given bytes that look like the start of a DER SEQUENCE, then nothing, and a null entry
    List<byte[]> chain = new ArrayList<>();
    chain.add(new byte[] {0x30, (byte) 0x82, 0x05});
    chain.add("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    chain.add(null);

    CertificateReport report = analyzer.analyze(chain, "shop.example", NOW);

    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.UNKNOWN);
    assertThat(report.chain()).isEmpty();
    assertThat(report.issues())
        .extracting(issue -> issue.message())
        .hasSize(3)
        .anySatisfy(m -> assertThat(m).startsWith("certificate 1 of 3 as sent cannot be parsed"))
        .anySatisfy(m -> assertThat(m).startsWith("certificate 2 of 3 as sent cannot be parsed"))
        .anySatisfy(m -> assertThat(m).startsWith("certificate 3 of 3 as sent cannot be parsed"));
  }

  @Test
  void tooManyGarbageCertificatesAreCappedAt16() {
    List<byte[]> chain = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      chain.add(new byte[] {1, 2, 3});
    }

    CertificateReport report = analyzer.analyze(chain, "shop.example", NOW);

    assertThat(report.issues()).hasSize(1 + CertificateAnalyzer.MAX_CERTIFICATES);
    assertThat(report.issues().get(0).id()).isEqualTo("cert.chain_too_long");
    assertThat(report.issues().get(0).message())
        .isEqualTo("server sent 100 certificates; only the first 16 were analyzed");
  }
}
