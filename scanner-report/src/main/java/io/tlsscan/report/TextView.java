package io.tlsscan.report;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.TrustError;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.policy.BaselinePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 *   protocols TLSv1.2 TLSv1.3; deprecated TLSv1.0
 *   ciphers   TLSv1.0 1, TLSv1.2 3, TLSv1.3 2; 1 insecure: TLS_RSA_WITH_RC4_128_SHA; server order
 *   groups    x25519 secp256r1
 *   http      301 to https://www.example/; server nginx; HSTS max-age 31536000 includeSubDomains
 *   jarm      29d29d0002ad00000041d42d00041d108f7344cbfe24eab30d174e6403c42b
 *   ja4s      t130200_1301_234ea6891581 (ja3s 475c9302dc42b2751db9edcac3b74891)
 *   finding   critical cert.expired: certificate expired 3 days ago
 * </pre>
 *
 * <p>The {@code protocols} line lists the versions known to be accepted, deprecated ones (SSLv2,
 * SSLv3, TLSv1.0, TLSv1.1: RFC 6176, RFC 7568, RFC 8996) apart, and those the probe could not tell
 * as {@code unknown}. The {@code ciphers} line counts suites per version, then the weak and the
 * insecure suites (a suite accepted under several versions counts once there), names the insecure
 * ones (at most {@value #MAX_NAMED_SUITES}), and says whose order the server follows when that is
 * known. The {@code http} line gives the status, the redirect target, the Server header and the
 * HSTS policy (or why a header was ignored). A handshake whose facts come from a raw hello is
 * marked as such.
 *
 * <p>Every value from the server goes through {@link SafeText#forTerminal}, so it cannot reach the
 * terminal as an escape sequence.
 */
final class TextView {
  private static final String RESET = "\u001B[0m";
  static final int MAX_NAMED_SUITES = 3;

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
      String source =
          Handshake.SOURCE_RAW_HELLO.equals(handshake.source())
              ? " (raw hello, no full handshake)"
              : "";
      line(out, "protocol", safe(handshake.protocol()) + " " + safe(handshake.cipher()) + source);
    }
    CertificateReport certificate = report.certificate().resultOrNull();
    if (certificate != null) {
      certificate(out, certificate);
    }
    ProtocolSupport protocols = report.protocols().resultOrNull();
    if (protocols != null) {
      line(out, "protocols", protocols(protocols));
    }
    CipherSupport ciphers = report.ciphers().resultOrNull();
    if (ciphers != null) {
      line(out, "ciphers", ciphers(ciphers));
    }
    List<String> groups = report.groups().resultOrNull();
    if (groups != null) {
      line(out, "groups", groups.isEmpty() ? "none accepted" : words(groups));
    }
    HttpReport http = report.http().resultOrNull();
    if (http != null) {
      line(out, "http", http(http));
    }
    Fingerprints fingerprints = report.fingerprints().resultOrNull();
    if (fingerprints != null) {
      line(out, "jarm", fingerprints.jarm());
      if (fingerprints.ja4s() != null) {
        line(out, "ja4s", safe(fingerprints.ja4s()) + " (ja3s " + fingerprints.ja3s() + ")");
      }
    }
    Vulnerabilities vulnerabilities = report.vulnerabilities().resultOrNull();
    if (vulnerabilities != null) {
      List<String> problems =
          vulnerabilities.problems().entrySet().stream()
              .map(e -> (e.getValue() ? "" : "no ") + e.getKey().wireName())
              .toList();
      line(out, "vulns", problems.isEmpty() ? "none found" : String.join(" ", problems));
    }
    RecordJson.probeErrors(report)
        .forEach(
            (probe, failure) -> {
              String verb = probe.contains(".") ? " could not tell: " : " failed: ";
              String cause = probe + verb + failure.kind().wireName();
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

  /** {@code TLSv1.2 TLSv1.3; deprecated TLSv1.0; unknown SSLv2}, or {@code none accepted}. */
  private static String protocols(ProtocolSupport protocols) {
    List<String> current = new ArrayList<>();
    List<String> deprecated = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, Boolean> version : protocols.accepted().entrySet()) {
      if (version.getValue() == null) {
        unknown.add(version.getKey());
      } else if (version.getValue()) {
        (BaselinePolicy.isDeprecated(version.getKey()) ? deprecated : current)
            .add(version.getKey());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!current.isEmpty()) {
      parts.add(words(current));
    }
    if (!deprecated.isEmpty()) {
      parts.add("deprecated " + words(deprecated));
    }
    if (!unknown.isEmpty()) {
      parts.add("unknown " + words(unknown));
    }
    return parts.isEmpty() ? "none accepted" : String.join("; ", parts);
  }

  /** {@code TLSv1.2 3, TLSv1.3 2; 1 weak; 1 insecure: NAME; server order}. */
  private static String ciphers(CipherSupport ciphers) {
    CipherTally tally = CipherTally.of(ciphers);
    List<String> parts = new ArrayList<>();
    parts.add(
        tally.countByVersion().isEmpty()
            ? "none accepted"
            : tally.countByVersion().entrySet().stream()
                .map(version -> safe(version.getKey()) + " " + version.getValue())
                .collect(Collectors.joining(", ")));
    if (!tally.weak().isEmpty()) {
      parts.add(tally.weak().size() + " weak");
    }
    if (!tally.insecure().isEmpty()) {
      parts.add(tally.insecure().size() + " insecure: " + named(tally.insecure()));
    }
    if (ciphers.serverOrder() != null) {
      parts.add(ciphers.serverOrder() ? "server order" : "client order");
    }
    return String.join("; ", parts);
  }

  /** The first {@link #MAX_NAMED_SUITES} names, then how many more there are. */
  private static String named(Collection<String> names) {
    String shown =
        names.stream().limit(MAX_NAMED_SUITES).map(TextView::safe).collect(Collectors.joining(" "));
    int more = names.size() - MAX_NAMED_SUITES;
    return more > 0 ? shown + " and " + more + " more" : shown;
  }

  /** {@code 301 to URL; server NAME; HSTS max-age N includeSubDomains preload}. */
  private static String http(HttpReport http) {
    StringBuilder text = new StringBuilder().append(http.status());
    if (http.redirect() != null) {
      text.append(" to ").append(safe(http.redirect()));
    }
    if (http.server() != null) {
      text.append("; server ").append(safe(http.server()));
    }
    Hsts hsts = http.hsts();
    if (hsts != null) {
      text.append("; HSTS max-age ").append(hsts.maxAge());
      text.append(hsts.includeSubdomains() ? " includeSubDomains" : "");
      text.append(hsts.preload() ? " preload" : "");
    } else if (http.hstsError() != null) {
      text.append("; HSTS ignored: ").append(safe(http.hstsError()));
    } else {
      text.append("; no HSTS");
    }
    return text.toString();
  }

  private static String words(Collection<String> items) {
    return items.stream().map(TextView::safe).collect(Collectors.joining(" "));
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
