package io.tlsscan.report.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsscan.model.Severity;
import io.tlsscan.report.SafeText;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one JSON object per changed target, a line each:
 *
 * <pre>
 * {"target":{"host","port","ip","starttls","input","line"},"worse":true,
 *  "changes":[{"change":"finding_new","id","severity","message","policy"}, ...]}
 * </pre>
 *
 * Each change has {@code change} (its {@link Change#kind()}) and its own fields: {@code
 * finding_new}/{@code finding_resolved} the finding; {@code certificate_rotated} {@code moved},
 * {@code was} and {@code now} ({@code subject, issuer, sha256, not_after}); {@code
 * protocol_added}/{@code _removed} {@code version}; {@code cipher_added}/{@code _removed} {@code
 * version} and {@code suite}; {@code started_failing} {@code kind} and {@code message}; {@code
 * recovered} {@code was} (the old error); {@code error_changed} and {@code address_changed} {@code
 * was} and {@code now}.
 */
final class DiffJsonLines implements DiffWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputStream out;
  private final Severity failOn;

  DiffJsonLines(OutputStream out, Severity failOn) {
    this.out = out;
    this.failOn = failOn;
  }

  @Override
  public void write(TargetDiff diff) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    ScanRecord.Target target = diff.target();
    line.putObject("target")
        .put("host", text(target.host()))
        .put("port", target.port())
        .put("ip", text(target.ip()))
        .put("starttls", text(target.starttls()))
        .put("input", text(target.input()))
        .put("line", target.line());
    line.put("worse", diff.worse(failOn));
    var changes = line.putArray("changes");
    diff.changes().forEach(c -> changes.add(change(c)));
    out.write(JSON.writeValueAsBytes(line));
    out.write('\n');
  }

  static ObjectNode change(Change change) {
    ObjectNode json = JSON.createObjectNode().put("change", change.kind());
    if (change instanceof Change.FindingNew n) {
      finding(json, n.finding());
    } else if (change instanceof Change.FindingResolved r) {
      finding(json, r.finding());
    } else if (change instanceof Change.CertificateRotated c) {
      c.moved().forEach(json.putArray("moved")::add);
      json.set("was", certificate(c.was()));
      json.set("now", certificate(c.now()));
    } else if (change instanceof Change.ProtocolAdded p) {
      json.put("version", text(p.version()));
    } else if (change instanceof Change.ProtocolRemoved p) {
      json.put("version", text(p.version()));
    } else if (change instanceof Change.CipherAdded c) {
      json.put("version", text(c.version())).put("suite", text(c.suite()));
    } else if (change instanceof Change.CipherRemoved c) {
      json.put("version", text(c.version())).put("suite", text(c.suite()));
    } else if (change instanceof Change.StartedFailing f) {
      error(json, f.error());
    } else if (change instanceof Change.Recovered r) {
      json.set("was", error(JSON.createObjectNode(), r.was()));
    } else if (change instanceof Change.ErrorChanged e) {
      json.set("was", error(JSON.createObjectNode(), e.was()));
      json.set("now", error(JSON.createObjectNode(), e.now()));
    } else if (change instanceof Change.AddressChanged a) {
      json.put("was", text(a.was())).put("now", text(a.now()));
    }
    return json;
  }

  private static void finding(ObjectNode json, ScanRecord.Finding finding) {
    json.put("id", text(finding.id()))
        .put("severity", finding.severity().wireName())
        .put("message", text(finding.message()))
        .put("policy", text(finding.policy()));
  }

  private static ObjectNode certificate(ScanRecord.Certificate certificate) {
    return JSON.createObjectNode()
        .put("subject", text(certificate.subject()))
        .put("issuer", text(certificate.issuer()))
        .put("sha256", text(certificate.sha256()))
        .put("not_after", text(certificate.notAfter()));
  }

  private static ObjectNode error(ObjectNode json, ScanRecord.Error error) {
    return json.put("kind", error == null ? null : text(error.kind()))
        .put("message", error == null ? null : text(error.message()));
  }

  private static String text(String value) {
    return SafeText.wellFormed(value);
  }
}
