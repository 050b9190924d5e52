package io.tlsscan.report;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Prometheus text exposition format, for node_exporter's textfile collector: one sample
 * per target and metric, labelled {@code host}, {@code port} and {@code ip} (the address connected
 * to, empty when none, so the records of {@code --all-ips} stay apart):
 *
 * <pre>
 * tlsscan_target_up                          1 when a TLS server answered, else 0
 * tlsscan_cert_not_after_timestamp_seconds   the leaf's expiry (targets with a leaf)
 * tlsscan_cert_days_left                     days until then, negative when expired
 * tlsscan_cert_trusted                       1 when the chain is trusted, else 0
 * tlsscan_findings{severity=...}             findings of each severity (all five, zeros too)
 * </pre>
 *
 * A metric's samples must be one group, so each metric is spooled to a temporary file and the
 * groups are written on close. Label values escape backslash, double quote and line feed.
 */
public final class PrometheusReportWriter extends RecordTreeWriter {
  private final List<Metric> metrics = new ArrayList<>();
  private final Metric up;
  private final Metric notAfter;
  private final Metric daysLeft;
  private final Metric trusted;
  private final Metric findings;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public PrometheusReportWriter(OutputStream out) throws IOException {
    super(out, "Prometheus");
    up = metric("tlsscan_target_up", "1 when the target answered as a TLS server, else 0.");
    notAfter =
        metric(
            "tlsscan_cert_not_after_timestamp_seconds",
            "Expiry of the leaf certificate, seconds since the epoch.");
    daysLeft = metric("tlsscan_cert_days_left", "Days until the leaf certificate expires.");
    trusted = metric("tlsscan_cert_trusted", "1 when the certificate chain is trusted, else 0.");
    findings = metric("tlsscan_findings", "Findings of the target, by severity.");
  }

  private Metric metric(String name, String help) throws IOException {
    Metric metric = new Metric(name, help, new Spool());
    metrics.add(metric);
    return metric;
  }

  @Override
  protected void write(ScanRecord record) throws IOException {
    if (record.target().host() == null) {
      return;
    }
    String labels = labels(record.target());
    up.sample(labels, record.ok() ? "1" : "0");
    ScanRecord.Certificate leaf = record.leaf();
    if (leaf != null && leaf.notAfter() != null) {
      try {
        notAfter.sample(labels, Long.toString(Instant.parse(leaf.notAfter()).getEpochSecond()));
      } catch (DateTimeParseException e) {
        // A record of another writer with a timestamp it cannot read: no sample for it.
      }
    }
    if (leaf != null && leaf.daysLeft() != null) {
      daysLeft.sample(labels, leaf.daysLeft().toString());
    }
    if (record.trusted() != null) {
      trusted.sample(labels, record.trusted() ? "1" : "0");
    }
    for (Severity severity : Severity.values()) {
      long count = record.findings().stream().filter(f -> f.severity() == severity).count();
      findings.sample(
          labels.substring(0, labels.length() - 1) + ",severity=\"" + severity.wireName() + "\"}",
          Long.toString(count));
    }
  }

  @Override
  protected void finish() throws IOException {
    try {
      for (Metric metric : metrics) {
        out.write(
            ("# HELP "
                    + metric.name()
                    + " "
                    + metric.help()
                    + "\n# TYPE "
                    + metric.name()
                    + " gauge\n")
                .getBytes(StandardCharsets.UTF_8));
        metric.spool().copyTo(out);
      }
    } finally {
      for (Metric metric : metrics) {
        metric.spool().close();
      }
    }
  }

  /** {@code {host="…",port="…",ip="…"}}. */
  private static String labels(ScanRecord.Target target) {
    return "{host=\""
        + label(target.host())
        + "\",port=\""
        + target.port()
        + "\",ip=\""
        + label(target.ip() == null ? "" : target.ip())
        + "\"}";
  }

  /** A label value with backslash, double quote and line feed escaped, as the format asks. */
  static String label(String value) {
    return SafeText.wellFormed(value)
        .replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n");
  }

  private record Metric(String name, String help, Spool spool) {
    void sample(String labels, String value) throws IOException {
      spool.append(name).append(labels).append(" ").append(value).append("\n");
    }
  }
}
