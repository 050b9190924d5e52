package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

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
public final class TextReportWriter implements ReportWriter {
  private final OutputStream out;
  private final TextView view;
  private boolean started;
  private boolean closed;

  /**
   * A writer on {@code out}; the stream stays open after {@link #close()}.
   *
   * @param ansiColours colour the verdict word (green, yellow, red)
   */
  public TextReportWriter(OutputStream out, boolean ansiColours) {
    this.out = requireNonNull(out, "out");
    this.view = new TextView(ansiColours);
  }

  @Override
  public void write(HostReport report) throws IOException {
    requireNonNull(report, "report");
    if (closed) {
      throw new IllegalStateException("text writer is closed");
    }
    String block = (started ? "\n" : "") + view.render(report);
    out.write(block.getBytes(StandardCharsets.UTF_8));
    started = true;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      out.flush();
    }
  }
}
