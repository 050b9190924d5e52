package io.tlsscan.report;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the human view: one block per target, separated by a blank line, each block starting with
 * a {@link Verdict} word and {@code host:port (ip)}, then the error if there is one, the negotiated
 * protocol and cipher, the leaf certificate's subject, issuer, expiry and days left, the trust
 * verdict, the hostname match, the accepted protocol versions, a summary of the accepted cipher
 * suites, the groups, and finally failed probes and findings. Text from servers has its control
 * characters shown as {@code \\uXXXX}. ANSI colours only when asked for.
 */
public final class TextReportWriter extends StreamReportWriter {
  private final TextView view;
  private boolean started;

  /**
   * A writer on {@code out}; the stream stays open after {@link #close()}.
   *
   * @param ansiColours colour the verdict word (green, yellow, red)
   */
  public TextReportWriter(OutputStream out, boolean ansiColours) {
    super(out, "text");
    this.view = new TextView(ansiColours);
  }

  @Override
  protected void writeRecord(HostReport report) throws IOException {
    String block = (started ? "\n" : "") + view.render(report);
    out.write(block.getBytes(StandardCharsets.UTF_8));
    started = true;
  }
}
