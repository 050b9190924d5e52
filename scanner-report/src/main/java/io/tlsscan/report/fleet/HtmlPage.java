package io.tlsscan.report.fleet;

import io.tlsscan.model.Severity;
import io.tlsscan.report.SafeText;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML report: one self-contained page (inline CSS, SVG and a small script; a Content Security
 * Policy forbids loading anything else) with summary tiles, four bar charts (versions accepted
 * across the fleet, the certificate expiry timeline, findings by severity, top issuers), the fleet
 * views, and a host table that sorts by any column (click its head) and filters as you type. Every
 * value is escaped with {@link SafeText#forMarkup}, so a certificate subject holding {@code
 * <script>} shows as text.
 */
public final class HtmlPage {
  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1b1f24;background:#fafafa}
      h1{margin:0 0 .2em}h2{margin:1.6em 0 .5em}.meta,.note{color:#57606a}
      .tiles{display:flex;flex-wrap:wrap;gap:12px}.tile{background:#fff;border:1px solid #d0d7de;
      border-radius:8px;padding:10px 16px;min-width:120px}.tile b{display:block;font-size:24px}
      .tile.bad b{color:#cf222e}.tile.warn b{color:#9a6700}
      .charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;background:#fff;
      border:1px solid #d0d7de;border-radius:8px;padding:8px}figcaption{font-weight:600}
      table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d0d7de;
      padding:3px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
      #hosts th{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}
      th[aria-sort=descending]::after{content:" ▼"}td.critical,td.high,td.error{color:#cf222e}
      td.medium{color:#9a6700}.mono{font-family:ui-monospace,monospace;font-size:12px}
      #filter{margin:0 0 8px;padding:4px 8px;width:24em}
      """;

  private static final String SCRIPT =
      """
      (function () {
        var table = document.getElementById('hosts'), body = table.tBodies[0];
        var filter = document.getElementById('filter'), shown = document.getElementById('shown');
        function key(row, i, numeric) {
          var cell = row.cells[i], value = cell.getAttribute('data-sort');
          if (value === null) value = cell.textContent;
          if (!numeric) return value.toLowerCase();
          var n = parseFloat(value);
          return isNaN(n) ? Infinity : n;
        }
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
          th.addEventListener('click', function () {
            var numeric = th.getAttribute('data-type') === 'number';
            var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
            Array.prototype.forEach.call(th.parentNode.cells, function (o) {
              o.removeAttribute('aria-sort');
            });
            th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = key(a, i, numeric), y = key(b, i, numeric);
              return x < y ? -dir : x > y ? dir : 0;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        filter.addEventListener('input', function () {
          var words = filter.value.toLowerCase(), count = 0;
          Array.prototype.forEach.call(body.rows, function (row) {
            var hit = row.textContent.toLowerCase().indexOf(words) >= 0;
            row.hidden = !hit;
            if (hit) count++;
          });
          shown.textContent = count;
        });
      })();
      """;

  private static final String[] COLUMNS = {
    "Host",
    "IP",
    "Status",
    "Protocol",
    "Subject",
    "Issuer",
    "Days left",
    "Trusted",
    "Worst",
    "Findings"
  };

  private HtmlPage() {}

  /** Writes the page of {@code stats}. */
  public static void write(FleetStats stats, Writer out) throws IOException {
    out.write(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>tlsscan report</title>\n<style>"
            + STYLE
            + "</style></head><body>\n<h1>TLS scan report</h1>\n");
    out.write("<p class=\"meta\">" + stats.targets + " targets</p>\n");
    tiles(stats, out);
    charts(stats, out);
    fleetViews(stats, out);
    hosts(stats, out);
    out.write("<script>" + SCRIPT + "</script>\n</body></html>\n");
  }

  private static void tiles(FleetStats stats, Writer out) throws IOException {
    long highOrWorse =
        stats.targetsByWorst[Severity.HIGH.ordinal()]
            + stats.targetsByWorst[Severity.CRITICAL.ordinal()];
    out.write("<section class=\"tiles\" id=\"summary\">\n");
    tile(out, "", "targets", stats.targets);
    tile(out, "", "answered (TLS)", stats.ok);
    tile(
        out,
        stats.targets > stats.ok ? "bad" : "",
        "could not be scanned",
        stats.targets - stats.ok);
    tile(out, stats.untrusted > 0 ? "bad" : "", "untrusted certificates", stats.untrusted);
    tile(out, highOrWorse > 0 ? "bad" : "", "targets with high or critical findings", highOrWorse);
    tile(out, stats.expiry[0] > 0 ? "bad" : "", "expired certificates", stats.expiry[0]);
    long soon = stats.expiringWithin(30) - stats.expiry[0];
    tile(out, soon > 0 ? "warn" : "", "expire within 30 days", soon);
    out.write("</section>\n");
  }

  private static void tile(Writer out, String kind, String label, long value) throws IOException {
    out.write(
        "<div class=\"tile "
            + kind
            + "\"><b>"
            + value
            + "</b>"
            + SafeText.forMarkup(label)
            + "</div>\n");
  }

  private static void charts(FleetStats stats, Writer out) throws IOException {
    out.write("<h2>Charts</h2>\n<section class=\"charts\">\n");
    List<Map.Entry<String, Long>> versions = new ArrayList<>(stats.versions.entrySet());
    out.write(
        BarChart.svg("chart-versions", "Versions accepted across the fleet", versions, "#0969da"));
    List<Map.Entry<String, Long>> expiry = new ArrayList<>();
    for (int i = 0; i < FleetStats.EXPIRY_LABELS.length; i++) {
      expiry.add(Map.entry(FleetStats.EXPIRY_LABELS[i], stats.expiry[i]));
    }
    out.write(BarChart.svg("chart-expiry", "Certificate expiry timeline", expiry, "#bf8700"));
    List<Map.Entry<String, Long>> severities = new ArrayList<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      severities.add(Map.entry(Severity.values()[i].wireName(), stats.findingsBySeverity[i]));
    }
    out.write(BarChart.svg("chart-findings", "Findings by severity", severities, "#cf222e"));
    out.write(BarChart.svg("chart-issuers", "Top issuers", stats.issuers.top(10, 1), "#8250df"));
    out.write("</section>\n");
  }

  private static void fleetViews(FleetStats stats, Writer out) throws IOException {
    out.write("<h2>Fleet views</h2>\n<section id=\"fleet\">\n");
    out.write(
        "<p id=\"expiring\">Certificates expired: <b>"
            + stats.expiry[0]
            + "</b>; expiring within"
            + " 7 days: <b>"
            + (stats.expiringWithin(7) - stats.expiry[0])
            + "</b>, 30 days: <b>"
            + (stats.expiringWithin(30) - stats.expiry[0])
            + "</b>, 90 days: <b>"
            + (stats.expiringWithin(90) - stats.expiry[0])
            + "</b>.</p>\n");
    table(
        out,
        "Soonest expiries",
        List.of("Host", "Subject", "Not after", "Days left"),
        stats.soonest.items().stream()
            .limit(FleetStats.SHOWN)
            .map(r -> List.<Object>of(r.name(), nz(r.subject()), nz(r.notAfter()), r.daysLeft()))
            .toList());
    table(
        out,
        "The same certificate on many targets",
        List.of("Targets", "Subject", "SHA-256"),
        sharedRows(stats.shared()));
    table(
        out,
        "The same key on many targets",
        List.of("Targets", "Subject (first seen)", "Key SHA-256 (SPKI)"),
        sharedRows(stats.sharedKeys()));
    table(
        out,
        "Names whose addresses serve different certificates",
        List.of("Name", "Leaf SHA-256 fingerprints"),
        stats.splitNames.entrySet().stream()
            .limit(FleetStats.SHOWN)
            .map(e -> List.<Object>of(e.getKey(), String.join(" ", (Set<String>) e.getValue())))
            .toList());
    if (stats.certificates.untracked() > 0
        || stats.keys.untracked() > 0
        || stats.untrackedNames > 0) {
      out.write(
          "<p class=\"note\">Shared certificates, keys and names cover the first "
              + FleetStats.DISTINCT_NAMES
              + " distinct ones.</p>\n");
    }
    out.write("</section>\n");
  }

  private static void table(Writer out, String caption, List<String> head, List<List<Object>> rows)
      throws IOException {
    out.write("<h3>" + SafeText.forMarkup(caption) + "</h3>\n");
    if (rows.isEmpty()) {
      out.write("<p class=\"note\">None.</p>\n");
      return;
    }
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    head.forEach(h -> html.append("<th>").append(SafeText.forMarkup(h)).append("</th>"));
    html.append("</tr></thead><tbody>\n");
    for (List<Object> row : rows) {
      html.append("<tr>");
      row.forEach(
          v -> html.append("<td>").append(SafeText.forMarkup(String.valueOf(v))).append("</td>"));
      html.append("</tr>\n");
    }
    out.write(html.append("</tbody></table>\n").toString());
  }

  private static void hosts(FleetStats stats, Writer out) throws IOException {
    List<HostRow> rows = stats.worst.items();
    out.write("<h2>Hosts</h2>\n<section>\n");
    if (rows.size() < stats.targets) {
      out.write(
          "<p class=\"note\" id=\"capped\">The table shows the "
              + rows.size()
              + " worst of "
              + stats.targets
              + " targets (errors, then by worst finding, untrusted, soonest"
              + " expiry); the charts and views count them all.</p>\n");
    }
    out.write(
        "<input id=\"filter\" type=\"search\" placeholder=\"Filter hosts\" aria-label=\"Filter"
            + " hosts\"> <span class=\"note\"><span id=\"shown\">"
            + rows.size()
            + "</span> shown</span>\n<table id=\"hosts\"><thead><tr>");
    for (String column : COLUMNS) {
      boolean numeric = column.equals("Days left");
      out.write("<th" + (numeric ? " data-type=\"number\"" : "") + ">" + column + "</th>");
    }
    out.write("</tr></thead><tbody>\n");
    for (HostRow row : rows) {
      out.write(row(row));
    }
    out.write("</tbody></table>\n</section>\n");
  }

  private static String row(HostRow row) {
    StringBuilder html = new StringBuilder("<tr>");
    cell(html, "", row.name());
    cell(html, "mono", row.ip());
    cell(html, row.status().equals("ok") ? "" : "error", row.status());
    cell(html, "", row.protocol());
    cell(html, "", row.subject());
    cell(html, "", row.issuer());
    html.append("<td data-sort=\"")
        .append(row.daysLeft() == null ? "" : row.daysLeft())
        .append("\">")
        .append(row.daysLeft() == null ? "" : row.daysLeft())
        .append("</td>");
    cell(html, "", row.trusted() == null ? "" : row.trusted() ? "yes" : "no");
    html.append("<td class=\"")
        .append(row.worst() == null ? "" : row.worst())
        .append("\" data-sort=\"")
        .append(row.rank())
        .append("\">")
        .append(SafeText.forMarkup(row.worst()))
        .append("</td>");
    cell(html, "", row.findings());
    return html.append("</tr>\n").toString();
  }

  private static void cell(StringBuilder html, String css, String value) {
    html.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">")
        .append(SafeText.forMarkup(value))
        .append("</td>");
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }

  private static List<List<Object>> sharedRows(List<Map.Entry<FleetStats.Shared, Long>> shared) {
    return shared.stream()
        .map(e -> List.<Object>of(e.getValue(), nz(e.getKey().subject()), e.getKey().sha256()))
        .toList();
  }
}
