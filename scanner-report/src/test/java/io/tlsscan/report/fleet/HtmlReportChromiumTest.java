package io.tlsscan.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.report.saved.SampleRecords;
import io.tlsscan.report.saved.ScanRecord;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium}; skipped when it is not
 * installed): a harness page loads it in a frame, reads the charts, clicks a column head, types in
 * the filter and writes what it saw into its own DOM, which {@code --dump-dom} prints.
 */
class HtmlReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String HOSTILE = "CN=<script>alert(1)</script><img src=x onerror=alert(2)>";

  private static final String HARNESS =
      """
      <!DOCTYPE html><html><body><pre id="out">not run</pre>
      <iframe id="report" src="report.html"></iframe>
      <script>
      document.getElementById('report').addEventListener('load', function () {
        var d = this.contentDocument, w = this.contentWindow, out = {};
        function column(i) {
          return Array.prototype.filter.call(d.querySelectorAll('#hosts tbody tr'), function (r) {
            return !r.hidden;
          }).map(function (r) { return r.cells[i].textContent; });
        }
        out.scripts = d.querySelectorAll('script').length;
        out.images = d.querySelectorAll('img').length;
        out.charts = Array.prototype.map.call(d.querySelectorAll('figure'), function (f) {
          return f.id + ':' + f.querySelectorAll('svg rect.bar').length;
        });
        out.subjects = column(4);
        var heads = d.querySelectorAll('#hosts th');
        heads[6].click();
        out.daysAscending = column(6);
        heads[6].click();
        out.daysDescending = column(6);
        heads[0].click();
        out.hostsAscending = column(0);
        var filter = d.getElementById('filter');
        filter.value = 'B.TE';
        filter.dispatchEvent(new w.Event('input'));
        out.filtered = column(0);
        out.shown = d.getElementById('shown').textContent;
        document.getElementById('out').textContent = JSON.stringify(out);
      });
      </script></body></html>
      """;

  @TempDir Path dir;

  @Test
  void chartsSortingFilteringAndAHostileSubjectInARealBrowser() throws Exception {
    assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
    // Given a report of three hosts, one with a subject that is markup
    FleetStats stats = new FleetStats(100);
    List.of(
            SampleRecords.ok("c.test").cert("c1", "CN=CA", "2027-01-01T00:00:00.000Z", 30),
            SampleRecords.ok("a.test")
                .cert("a1", "CN=CA", "2027-01-01T00:00:00.000Z", 300)
                .subject(HOSTILE),
            SampleRecords.ok("b.test")
                .protocols("TLSv1.0", "TLSv1.2")
                .cert("b1", "CN=CA", "2027-01-01T00:00:00.000Z", 7))
        .forEach(r -> stats.add(ScanRecord.of(r.tree())));
    StringWriter page = new StringWriter();
    HtmlPage.write(stats, page);
    Files.writeString(dir.resolve("report.html"), page.toString());
    Files.writeString(dir.resolve("harness.html"), HARNESS);

    // When Chromium runs the harness
    Process chromium =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--allow-file-access-from-files",
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=5000",
                "--dump-dom",
                dir.resolve("harness.html").toUri().toString())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    String stderr = Files.readString(dir.resolve("stderr.txt"));

    // Then the page had no script errors, four charts, the hostile subject as text, and working
    // sorting and filtering
    assertThat(stderr).as("console of the page").doesNotContain("Uncaught", "Refused to");
    String json = dom.substring(dom.indexOf("<pre id=\"out\">") + 14, dom.indexOf("</pre>"));
    JsonNode seen =
        new ObjectMapper()
            .readTree(
                json.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("&quot;", "\""));
    assertThat(seen.path("scripts").asInt()).as("only the report's own script").isEqualTo(1);
    assertThat(seen.path("images").asInt()).as("no injected image").isZero();
    assertThat(texts(seen.path("charts")))
        .containsExactly(
            "chart-versions:6", "chart-expiry:7", "chart-findings:5", "chart-issuers:1");
    assertThat(texts(seen.path("subjects"))).contains(HOSTILE);
    assertThat(texts(seen.path("daysAscending"))).containsExactly("7", "30", "300");
    assertThat(texts(seen.path("daysDescending"))).containsExactly("300", "30", "7");
    assertThat(texts(seen.path("hostsAscending")))
        .containsExactly("a.test:443", "b.test:443", "c.test:443");
    assertThat(texts(seen.path("filtered"))).containsExactly("b.test:443");
    assertThat(seen.path("shown").asText()).isEqualTo("1");
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
