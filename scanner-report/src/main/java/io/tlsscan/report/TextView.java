package io.tlsscan.report;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.TrustError;
import java.util.stream.Collectors;

/**
 * Renders one report as a compact block for people, e.g.
 *
 * <pre>
 * FAIL expired.example:443 (10.0.0.5)
 *   protocol  TLSv1.3 TLS_AES_128_GCM_SHA256
 *   subject   CN=expired.example
 *   issuer    CN=Test Intermediate
 *   expires   2026-11-23T10:00:00.000Z (expired 3 days ago)
 *   trust     untrusted: expired
 *   hostname  match
 *   finding   critical cert.expired: certificate expired 3 days ago
 * </pre>
 *
 * Every value from the server goes through {@link SafeText#forTerminal}, so it cannot reach the
 * terminal as an escape sequence.
 */
final class TextView {
  private static final String RESET = "\u001B[0m";

  private final boolean ansiColours;

  TextView(boolean ansiColours) {
    this.ansiColours = ansiColours;
  }

  /** The block for one report, each line ending in {@code \n}. */
  String render(HostReport report) {
    StringBuilder out = new StringBuilder(512);
    out.append(verdict(Verdict.of(report))).append(' ').append(where(report.target())).append('\n');
    ScanError error = report.error();
    if (error != null) {
      String cause = error.kind().wireName() + " during " + safe(error.phase());
      line(out, "error", cause + ": " + safe(error.message()));
    }
    Handshake handshake = report.handshake().resultOrNull();
    if (handshake != null) {
      line(out, "protocol", safe(handshake.protocol()) + " " + safe(handshake.cipher()));
    }
    CertificateReport certificate = report.certificate().resultOrNull();
    if (certificate != null) {
      certificate(out, certificate);
    }
    RecordJson.probeErrors(report)
        .forEach(
            (probe, failure) -> {
              String cause = probe + " failed: " + failure.kind().wireName();
              line(out, "probe", cause + ": " + safe(failure.message()));
            });
    for (Finding finding : report.findings()) {
      String what = finding.severity().wireName() + " " + safe(finding.id());
      line(out, "finding", what + ": " + safe(finding.message()));
    }
    return out.toString();
  }

  private static void certificate(StringBuilder out, CertificateReport certificate) {
    if (certificate.chain().isEmpty()) {
      line(out, "subject", "(no certificate)");
    } else {
      CertificateInfo leaf = certificate.chain().get(0);
      line(out, "subject", safe(leaf.subject()));
      line(out, "issuer", safe(leaf.issuer()));
      line(out, "expires", Timestamps.format(leaf.notAfter()) + " (" + daysLeft(leaf) + ")");
    }
    line(
        out,
        "trust",
        certificate.trusted()
            ? "trusted"
            : "untrusted: "
                + certificate.trustErrors().stream()
                    .map(TrustError::wireName)
                    .collect(Collectors.joining(", ")));
    String hostname =
        switch (certificate.hostnameMatch()) {
          case MATCH -> "match";
          case MISMATCH -> "mismatch";
          case UNKNOWN -> "unknown";
        };
    line(out, "hostname", hostname);
  }

  private static String daysLeft(CertificateInfo leaf) {
    long days = leaf.daysLeft();
    if (days < 0) {
      return "expired " + -days + (days == -1 ? " day ago" : " days ago");
    }
    return days + (days == 1 ? " day left" : " days left");
  }

  /** {@code host:port (ip)}, IPv6 hosts in brackets; the input line when it did not parse. */
  private static String where(TargetInfo target) {
    if (target.host() == null) {
      return safe(target.input()) + " (line " + target.line() + ")";
    }
    String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
    String port = target.port() == null ? "" : ":" + target.port();
    String ip = target.ip() == null ? "" : " (" + safe(target.ip()) + ")";
    return safe(host) + port + ip;
  }

  private String verdict(Verdict verdict) {
    String word = String.format("%-4s", verdict.name());
    if (!ansiColours) {
      return word;
    }
    String colour =
        switch (verdict) {
          case OK -> "\u001B[32m";
          case WARN -> "\u001B[33m";
          case FAIL -> "\u001B[31m";
        };
    return colour + word + RESET;
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append("  ").append(String.format("%-9s", label)).append(' ').append(value).append('\n');
  }

  private static String safe(String text) {
    return SafeText.forTerminal(text);
  }
}
