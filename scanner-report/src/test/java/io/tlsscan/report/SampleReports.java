package io.tlsscan.report;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.TrustError;
import java.time.Instant;
import java.util.List;

/** Hand-built reports covering the shapes a record can take. */
final class SampleReports {
  static final Instant STARTED = Instant.parse("2026-11-26T10:00:00.123456789Z");

  private SampleReports() {}

  /** The contract's example: a handshake that completed with an expired, untrusted leaf. */
  static HostReport expired() {
    TargetInfo target =
        new TargetInfo(
            "expired.example:443 10.0.0.5", 12, "expired.example", 443, "10.0.0.5",
            "expired.example");
    Handshake handshake =
        new Handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256", "x25519", "h2", false, false);
    CertificateInfo leaf =
        new CertificateInfo(
            "CN=expired.example",
            "CN=Test Intermediate",
            "1a2b",
            Instant.parse("2026-08-25T10:00:00Z"),
            Instant.parse("2026-11-23T10:00:00Z"),
            -3,
            new KeyInfo("EC", 256, "secp256r1"),
            "SHA256withECDSA",
            List.of("expired.example"),
            false,
            "0a".repeat(32),
            false,
            false);
    CertificateInfo intermediate =
        new CertificateInfo(
            "CN=Test Intermediate",
            "CN=Test Root",
            "02",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2031-01-01T00:00:00Z"),
            1496,
            new KeyInfo("RSA", 2048, null),
            "SHA256withRSA",
            List.of(),
            false,
            "0b".repeat(32),
            false,
            true);
    CertificateReport certificate =
        new CertificateReport(
            List.of(TrustError.EXPIRED),
            HostnameMatch.MATCH,
            List.of(leaf, intermediate),
            List.of(new CertificateIssue("cert.expired", Severity.CRITICAL, "expired")));
    return new HostReport(
        target,
        null,
        STARTED,
        412,
        1,
        ProbeOutcome.completed(handshake),
        ProbeOutcome.completed(certificate),
        List.of(
            new Finding(
                "cert.expired",
                Severity.CRITICAL,
                "certificate expired 3 days ago",
                "mozilla-intermediate")));
  }

  /** A handshake that completed with a trusted certificate naming the host, and no findings. */
  static HostReport trusted() {
    HostReport expired = expired();
    CertificateReport certificate = expired.certificate().resultOrNull();
    CertificateInfo leaf = certificate.chain().get(0);
    CertificateInfo fresh =
        new CertificateInfo(
            "CN=good.example",
            leaf.issuer(),
            leaf.serial(),
            leaf.notBefore(),
            Instant.parse("2027-01-05T10:00:00Z"),
            40,
            leaf.key(),
            leaf.signatureAlgorithm(),
            List.of("good.example"),
            false,
            leaf.sha256(),
            false,
            false);
    return new HostReport(
        new TargetInfo("good.example", 1, "good.example", 443, "10.0.0.7", "good.example"),
        null,
        STARTED,
        120,
        1,
        expired.handshake(),
        ProbeOutcome.completed(
            new CertificateReport(List.of(), HostnameMatch.MATCH, List.of(fresh), List.of())),
        List.of());
  }

  /** A target that could not be scanned: only the target, the error and the timing. */
  static HostReport failed(ErrorKind kind) {
    return new HostReport(
        new TargetInfo("down.example:8443", 3, "down.example", 8443, "10.0.0.6", "down.example"),
        new ScanError(kind, "connect", kind.wireName() + " while connecting to 10.0.0.6:8443"),
        STARTED,
        5000,
        1,
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /** A host-list line that did not parse. */
  static HostReport invalidTarget() {
    return new HostReport(
        new TargetInfo("bad host:99999", 7, null, null, null, null),
        new ScanError(ErrorKind.INVALID_TARGET, "parse", "port out of range: 99999"),
        STARTED,
        0,
        0,
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /** The handshake completed but the certificate probe timed out half way. */
  static HostReport certificateProbeFailed() {
    HostReport expired = expired();
    return new HostReport(
        expired.target(),
        null,
        STARTED,
        10000,
        2,
        expired.handshake(),
        ProbeOutcome.failed(ErrorKind.TIMEOUT, "deadline reached while reading the chain"),
        List.of());
  }

  /** The handshake completed; the certificate probe was not run; nothing is known of it. */
  static HostReport certificateNotRun() {
    HostReport expired = expired();
    return new HostReport(
        expired.target(),
        null,
        STARTED,
        80,
        1,
        expired.handshake(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /**
   * A completed scan whose leaf subject, issuer, SAN and the finding message are {@code text}, the
   * IPv6 target carries an unknown hostname match, and group and ALPN are unknown.
   */
  static HostReport hostile(String text) {
    CertificateInfo leaf =
        new CertificateInfo(
            text,
            text,
            "00",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"),
            36,
            new KeyInfo("RSA", 1024, null),
            "SHA1withRSA",
            List.of(text, "ok.example"),
            true,
            "0c".repeat(32),
            true,
            false);
    return new HostReport(
        new TargetInfo("[::1]:4433", 2, "::1", 4433, "::1", null),
        null,
        STARTED,
        30,
        1,
        ProbeOutcome.completed(
            new Handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", null, null, true,
                true)),
        ProbeOutcome.completed(
            new CertificateReport(
                List.of(TrustError.SELF_SIGNED, TrustError.WEAK_KEY, TrustError.WEAK_SIGNATURE),
                HostnameMatch.UNKNOWN,
                List.of(leaf),
                List.of())),
        List.of(new Finding("cert.self_signed", Severity.HIGH, text, "custom")));
  }
}
