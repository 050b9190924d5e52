package io.tlsscan.report;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes JUnit XML, the report format CI servers show natively: one {@code <testsuite
 * name="tlsscan">} with a {@code <testcase>} per target, named {@code host:port (ip)}. A target
 * that could not be scanned has an {@code <error type="KIND">}; one with findings above {@code
 * info} a {@code <failure type="SEVERITY">} (its worst) listing them all, one a line. Test cases
 * are spooled to a temporary file until the suite's counts are known.
 */
public final class JunitReportWriter extends RecordTreeWriter {
  private final Spool cases;
  private long tests;
  private long failures;
  private long errors;

  /** A writer on {@code out}; the stream stays open after {@link #close()}. */
  public JunitReportWriter(OutputStream out) throws IOException {
    super(out, "JUnit");
    cases = new Spool();
  }

  @Override
  protected void write(ScanRecord record) throws IOException {
    tests++;
    ScanRecord.Target target = record.target();
    String name =
        target.name()
            + (target.ip() == null || target.ip().equals(target.host())
                ? ""
                : " (" + target.ip() + ")");
    StringBuilder xml =
        new StringBuilder("  <testcase classname=\"tlsscan\" name=\"")
            .append(SafeText.forMarkup(name))
            .append("\" time=\"0\"");
    List<ScanRecord.Finding> failing =
        record.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
    if (!record.ok()) {
      errors++;
      ScanRecord.Error error = record.error();
      String kind = error == null ? "error" : error.kind();
      String message = error == null ? "" : error.message();
      xml.append(">\n    <error type=\"")
          .append(SafeText.forMarkup(kind))
          .append("\" message=\"")
          .append(SafeText.forMarkup(message))
          .append("\"/>\n  </testcase>\n");
    } else if (!failing.isEmpty()) {
      failures++;
      xml.append(">\n    <failure type=\"")
          .append(record.worstSeverity().wireName())
          .append("\" message=\"")
          .append(failing.size())
          .append(failing.size() == 1 ? " finding" : " findings")
          .append("\">");
      for (ScanRecord.Finding f : failing) {
        xml.append(SafeText.forMarkup(f.severity().wireName() + " " + f.id() + ": " + f.message()))
            .append('\n');
      }
      xml.append("</failure>\n  </testcase>\n");
    } else {
      xml.append("/>\n");
    }
    cases.append(xml.toString());
  }

  @Override
  protected void finish() throws IOException {
    try (cases) {
      out.write(
          ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\"tlsscan\""
                  + " tests=\""
                  + tests
                  + "\" failures=\""
                  + failures
                  + "\" errors=\""
                  + errors
                  + "\" skipped=\"0\" time=\"0\">\n")
              .getBytes(StandardCharsets.UTF_8));
      cases.copyTo(out);
      out.write("</testsuite>\n</testsuites>\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
