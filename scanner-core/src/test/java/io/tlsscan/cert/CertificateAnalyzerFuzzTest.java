package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.TrustError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Any chain of DER blobs, however mangled, gives a certificate report: no exception, trust errors
 * from the closed set of the report contract, at most {@link CertificateAnalyzer#MAX_CERTIFICATES}
 * certificates described and at most {@link CertificateInfos#MAX_SANS} names each.
 *
 * <p>Input layout: one byte choosing the host, one choosing the scan time, then certificates, each
 * a two-byte big-endian length and that many bytes (the last one takes what is left). The seeds are
 * real chains under the test anchor {@code CertificateAnalyzerFuzzTestAnchor.der}: EC and RSA
 * leaves with an intermediate, a self-signed leaf, an expired leaf, a leaf with more names than are
 * kept.
 */
class CertificateAnalyzerFuzzTest {
  private static final String[] HOSTS = {
    "shop.example", "www.shop.example", "127.0.0.1", "::1", "xn--bcher-kva.example", "SHOP.example."
  };

  private static final Instant[] SCAN_TIMES = {
    Instant.parse("2026-11-26T10:00:00Z"),
    Instant.parse("1999-01-01T00:00:00Z"),
    Instant.parse("2199-01-01T00:00:00Z")
  };

  /** The wire names of {@code certificate.trust_errors} in the report contract. */
  private static final Set<String> TRUST_ERROR_NAMES =
      Set.of(
          "expired",
          "not_yet_valid",
          "self_signed",
          "incomplete_chain",
          "untrusted_root",
          "weak_key",
          "weak_signature",
          "revoked",
          "invalid_chain");

  private static final int MAX_MESSAGE_CHARS = 4000;

  private static final TrustAnchors ANCHORS = TrustAnchors.of(List.of(anchor()));

  @FuzzTest
  void anyChainGivesABoundedReport(byte[] input) {
    // Given a host, a scan time and a chain cut from the input
    String host = HOSTS[input.length > 0 ? (input[0] & 0xff) % HOSTS.length : 0];
    Instant now = SCAN_TIMES[input.length > 1 ? (input[1] & 0xff) % SCAN_TIMES.length : 0];
    List<byte[]> chain = chain(input);

    // When a fresh analyzer looks at it
    CertificateReport report = new CertificateAnalyzer(ANCHORS).analyze(chain, host, now);

    // Then the trust errors are distinct members of the closed set
    assertThat(report.trustErrors()).doesNotHaveDuplicates();
    assertThat(report.trustErrors())
        .extracting(TrustError::wireName)
        .allMatch(TRUST_ERROR_NAMES::contains);
    if (report.hostnameMatch() == HostnameMatch.UNKNOWN) {
      assertThat(report.trustErrors()).contains(TrustError.INVALID_CHAIN);
    }

    // And the chain and its names are bounded
    assertThat(report.chain())
        .hasSizeLessThanOrEqualTo(Math.min(chain.size(), CertificateAnalyzer.MAX_CERTIFICATES));
    for (CertificateInfo certificate : report.chain()) {
      assertThat(certificate.san()).hasSizeLessThanOrEqualTo(CertificateInfos.MAX_SANS);
      assertThat(certificate.key().bits()).isNotNegative();
      assertThat(certificate.sha256()).hasSize(64);
    }
    for (CertificateIssue issue : report.issues()) {
      assertThat(issue.id()).startsWith("cert.");
      assertThat(issue.message()).hasSizeLessThanOrEqualTo(MAX_MESSAGE_CHARS);
    }
  }

  private static List<byte[]> chain(byte[] input) {
    List<byte[]> chain = new ArrayList<>();
    int position = 2;
    while (position < input.length) {
      int length =
          position + 1 < input.length
              ? ((input[position] & 0xff) << 8) | (input[position + 1] & 0xff)
              : 0;
      int start = Math.min(position + 2, input.length);
      int end = Math.min(input.length, start + length);
      chain.add(Arrays.copyOfRange(input, start, end));
      position = end;
    }
    return chain;
  }

  private static X509Certificate anchor() {
    try (InputStream in =
        CertificateAnalyzerFuzzTest.class.getResourceAsStream(
            "CertificateAnalyzerFuzzTestAnchor.der")) {
      byte[] der = in.readAllBytes();
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException e) {
      throw new IllegalStateException("the test anchor is a certificate", e);
    }
  }
}
