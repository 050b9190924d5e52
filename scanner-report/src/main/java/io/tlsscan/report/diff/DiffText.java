package io.tlsscan.report.diff;

import io.tlsscan.model.Severity;
import io.tlsscan.report.SafeText;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a block per changed target for people: a head line ({@code host:port (ip)}, then {@code
 * WORSE} when it got worse), then one line per change, {@code +} for what came, {@code -} for what
 * went, {@code ~} for what moved and {@code !} for what broke. Text from servers is made safe for
 * terminals.
 *
 * <pre>
 * shop.example:443 (10.0.0.7)  WORSE
 *   + finding high proto.tls10: TLS 1.0 accepted
 *   ~ certificate sha256 1f0c2a9b… → 77aa01de…, issuer CN=Old CA → CN=New CA
 *   + protocol TLSv1.0
 * </pre>
 */
final class DiffText implements DiffWriter {
  private final OutputStream out;
  private final Severity failOn;

  DiffText(OutputStream out, Severity failOn) {
    this.out = out;
    this.failOn = failOn;
  }

  @Override
  public void write(TargetDiff diff) throws IOException {
    ScanRecord.Target target = diff.target();
    String head = target.name();
    if (target.ip() != null && !target.ip().equals(target.host())) {
      head += " (" + target.ip() + ")";
    }
    StringBuilder text = new StringBuilder(safe(head + (diff.worse(failOn) ? "  WORSE" : "")));
    diff.changes().forEach(c -> text.append("\n  ").append(safe(line(c))));
    out.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String safe(String line) {
    return SafeText.forTerminal(line);
  }

  static String line(Change change) {
    if (change instanceof Change.FindingNew n) {
      return "+ finding " + finding(n.finding());
    } else if (change instanceof Change.FindingResolved r) {
      return "- finding " + finding(r.finding());
    } else if (change instanceof Change.CertificateRotated c) {
      StringBuilder line = new StringBuilder("~ certificate");
      String separator = " ";
      for (String field : c.moved()) {
        line.append(separator).append(field).append(' ');
        switch (field) {
          case "sha256" ->
              line.append(brief(c.was().sha256())).append(" → ").append(brief(c.now().sha256()));
          case "issuer" -> line.append(c.was().issuer()).append(" → ").append(c.now().issuer());
          default -> line.append(c.was().notAfter()).append(" → ").append(c.now().notAfter());
        }
        separator = ", ";
      }
      return line.toString();
    } else if (change instanceof Change.ProtocolAdded p) {
      return "+ protocol " + p.version();
    } else if (change instanceof Change.ProtocolRemoved p) {
      return "- protocol " + p.version();
    } else if (change instanceof Change.CipherAdded c) {
      return "+ cipher " + c.version() + " " + c.suite();
    } else if (change instanceof Change.CipherRemoved c) {
      return "- cipher " + c.version() + " " + c.suite();
    } else if (change instanceof Change.StartedFailing f) {
      return "! started failing: " + error(f.error());
    } else if (change instanceof Change.Recovered r) {
      return "+ recovered (was " + error(r.was()) + ")";
    } else if (change instanceof Change.ErrorChanged e) {
      return "~ error " + error(e.was()) + " → " + error(e.now());
    } else if (change instanceof Change.AddressChanged a) {
      return "~ address " + a.was() + " → " + a.now();
    } else if (change instanceof Change.Vanished) {
      return "! vanished: not in the new scan";
    }
    return "+ appeared: not in the old scan";
  }

  private static String finding(ScanRecord.Finding finding) {
    return finding.severity().wireName() + " " + finding.id() + ": " + finding.message();
  }

  private static String error(ScanRecord.Error error) {
    return error == null ? "error" : error.kind() + " (" + error.message() + ")";
  }

  private static String brief(String sha256) {
    return sha256 == null || sha256.length() <= 8
        ? String.valueOf(sha256)
        : sha256.substring(0, 8) + "…";
  }
}
