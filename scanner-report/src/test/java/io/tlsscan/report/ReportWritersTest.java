package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.report.saved.SampleRecords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The formats written from JSON records: Prometheus, JUnit, findings CSV and HTML. */
class ReportWritersTest {
  private static final String HOSTILE = "CN=<script>alert(1)</script>\"'&";

  private static String write(ReportFormat format, List<SampleRecords> records) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordTreeWriter writer = format.openForRecords(out, 100)) {
      for (SampleRecords record : records) {
        writer.write(record.tree());
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void prometheusGroupsEachMetricAndEscapesLabels() throws IOException {
    String text =
        write(
            ReportFormat.PROMETHEUS,
            List.of(
                SampleRecords.ok("a.test").finding("proto.tls10", "high"),
                SampleRecords.ok("we\"ird\\name\n.test").failing("timeout")));

    assertThat(text)
        .contains(
            "# HELP tlsscan_target_up 1 when the target answered as a TLS server, else 0.\n"
                + "# TYPE tlsscan_target_up gauge\n"
                + "tlsscan_target_up{host=\"a.test\",port=\"443\",ip=\"10.0.0.1\"} 1\n"
                + "tlsscan_target_up{host=\"we\\\"ird\\\\n"
                + "ame\\n"
                + ".test\",port=\"443\",ip=\"10.0.0.1\"} 0\n")
        .contains(
            "tlsscan_cert_not_after_timestamp_seconds{host=\"a.test\",port=\"443\",ip=\"10.0.0.1\"}"
                + " 1798761600\n")
        .contains(
            "tlsscan_findings{host=\"a.test\",port=\"443\",ip=\"10.0.0.1\",severity=\"high\"} 1\n");
    assertThat(text.lines().filter(l -> l.startsWith("# TYPE tlsscan_findings "))).hasSize(1);
    assertThat(text.lines().filter(l -> l.startsWith("tlsscan_findings{"))).hasSize(10);
  }

  @Test
  void junitHasATestCasePerTargetFailedByFindings() throws Exception {
    String xml =
        write(
            ReportFormat.JUNIT,
            List.of(
                SampleRecords.ok("clean.test"),
                SampleRecords.ok("bad.test").finding("x<&>", "critical").finding("i", "info"),
                SampleRecords.ok("down.test").failing("refused")));

    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("critical");
    assertThat(failure.getTextContent()).isEqualTo("critical x<&>: x<&> found\n");
    assertThat(((Element) doc.getElementsByTagName("error").item(0)).getAttribute("type"))
        .isEqualTo("refused");
  }

  @Test
  void findingsCsvHasARowPerFindingAndNeutralisesFormulas() throws IOException {
    String csv =
        write(
            ReportFormat.FINDINGS_CSV,
            List.of(
                SampleRecords.ok("clean.test"),
                SampleRecords.ok("bad.test").finding("=HYPERLINK(1)", "high").finding("b", "low")));

    assertThat(csv)
        .isEqualTo(
            "host,port,ip,id,severity,message,policy,input,line\n"
                + "bad.test,443,10.0.0.1,'=HYPERLINK(1),high,'=HYPERLINK(1)"
                + " found,baseline,bad.test:443,1\n"
                + "bad.test,443,10.0.0.1,b,low,b found,baseline,bad.test:443,1\n");
  }

  @Test
  void htmlIsOneSelfContainedPageThatEscapesEveryValue() throws IOException {
    String html =
        write(
            ReportFormat.HTML,
            List.of(SampleRecords.ok("a.test").subject(HOSTILE), SampleRecords.ok("b.test")));

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("CN=&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;")
        .doesNotContain("<script>alert", "src=\"http", "href=\"http", "@import", "url(");
    assertThat(html.split("<script>", -1)).as("one inline script").hasSize(2);
    assertThat(html)
        .contains(
            "id=\"chart-versions\"",
            "id=\"chart-expiry\"",
            "id=\"chart-findings\"",
            "id=\"chart-issuers\"");
  }

  @Test
  void theHtmlTableSaysWhenItKeepsOnlyTheWorstHosts() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordTreeWriter writer = ReportFormat.HTML.openForRecords(out, 1)) {
      writer.write(SampleRecords.ok("fine.test").tree());
      writer.write(SampleRecords.ok("worst.test").finding("x", "critical").tree());
    }
    String html = out.toString(StandardCharsets.UTF_8);

    assertThat(html)
        .contains("The table shows the 1 worst of 2 targets")
        .contains("worst.test:443");
    assertThat(html.substring(html.indexOf("id=\"hosts\""))).doesNotContain("fine.test");
  }
}
