package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import io.tlsscan.report.ReportWriter;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListEntry;
import java.io.IOException;
import java.io.PrintStream;
import reactor.core.publisher.Flux;

/**
 * Drives one scan from the command line: streams the entries through the scanner, writes each
 * record on this (the main) thread as it arrives, and prints the summary. The event loops never
 * touch the output, and at most {@link #BUFFERED_RECORDS} finished records wait for the writer,
 * which flushes whenever it has caught up with them.
 */
final class ScanRun {
  private static final int BUFFERED_RECORDS = 256;

  private final Scanner scanner;
  private final ReportWriter writer;
  private final PrintStream messages;
  private final boolean quiet;
  private final Progress progress;
  private final FailOn failOn;

  ScanRun(
      Scanner scanner,
      ReportWriter writer,
      PrintStream messages,
      boolean quiet,
      Progress progress,
      FailOn failOn) {
    this.scanner = scanner;
    this.failOn = failOn;
    this.writer = writer;
    this.messages = messages;
    this.quiet = quiet;
    this.progress = progress;
  }

  /**
   * Scans every entry and returns the exit code: 1 when a finding reached {@code --fail-on}, else
   * 3 when some target could not be scanned, else 0.
   */
  int run(Flux<HostListEntry> entries) {
    ScanSummary summary = new ScanSummary(failOn, scanner.policy().name());
    try (progress;
        StopSignals signals = new StopSignals(messages);
        RecordHandoff<HostReport> records = new RecordHandoff<>(BUFFERED_RECORDS)) {
      scanner
          .scanEntries(entries.takeUntilOther(signals.stopIntake()), signals.cancelInFlight())
          .subscribe(records);
      HostReport report;
      while ((report = next(records)) != null) {
        progress.beforeRecords();
        writer.write(report);
        summary.add(report);
        progress.recorded(report);
      }
      writer.close();
      progress.close();
      if (signals.stopped()) {
        messages.println("tlsscan: " + summary.line() + "; stopped early: the scan is incomplete");
        return ExitCodes.INTERRUPTED;
      }
    } catch (IOException e) {
      messages.println("tlsscan: cannot write the report: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      messages.println("tlsscan: " + ErrorText.of(e));
      return ExitCodes.USAGE;
    }
    if (!quiet) {
      messages.println("tlsscan: " + summary.line());
    }
    if (summary.failing() > 0) {
      return ExitCodes.FINDINGS;
    }
    return summary.errors() == 0 ? ExitCodes.OK : ExitCodes.SOME_TARGETS_FAILED;
  }

  /**
   * The next record; the output is flushed before waiting for one, so no record waits there, and
   * the progress line comes back while the scan waits.
   */
  private HostReport next(RecordHandoff<HostReport> records) throws IOException {
    HostReport report = records.poll();
    if (report != null) {
      return report;
    }
    writer.flush();
    progress.afterRecords();
    return records.take();
  }
}
