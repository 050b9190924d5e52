package io.tlsscan.report;

import io.tlsscan.report.fleet.FleetStats;
import io.tlsscan.report.fleet.HtmlPage;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the self-contained {@link HtmlPage HTML report} on close, from {@link FleetStats} gathered
 * record by record (the host table keeps the {@code maxRows} worst hosts and says so).
 */
public final class HtmlReportWriter extends RecordTreeWriter {
  private final FleetStats stats;

  /** A writer on {@code out} whose host table has at most {@code maxRows} rows. */
  public HtmlReportWriter(OutputStream out, int maxRows) {
    super(out, "HTML");
    stats = new FleetStats(maxRows);
  }

  @Override
  protected void write(ScanRecord record) {
    stats.add(record);
  }

  /** Nothing reaches the stream before the page is written whole on close. */
  @Override
  public void flush() {}

  @Override
  protected void finish() throws IOException {
    Writer page = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    HtmlPage.write(stats, page);
    page.flush();
    out.flush();
  }
}
