package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import io.tlsscan.report.ReportWriter;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListEntry;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

/**
 * Drives one scan from the command line: streams the entries through the scanner, writes each
 * record on this (the main) thread as it arrives, and prints the summary. The event loops never
 * touch the output, and at most {@link #BUFFERED_RECORDS} finished records wait for the writer.
 */
final class ScanRun {
  private static final int BUFFERED_RECORDS = 256;

  private final Scanner scanner;
  private final ReportWriter writer;
  private final PrintStream messages;
  private final boolean quiet;
  private final Progress progress;

  ScanRun(
      Scanner scanner,
      ReportWriter writer,
      PrintStream messages,
      boolean quiet,
      Progress progress) {
    this.scanner = scanner;
    this.writer = writer;
    this.messages = messages;
    this.quiet = quiet;
    this.progress = progress;
  }

  /** Scans every entry and returns the exit code. */
  int run(Flux<HostListEntry> entries) {
    ScanSummary summary = new ScanSummary();
    try (progress;
        StopSignals signals = new StopSignals(messages);
        Stream<HostReport> reports =
            scanner
                .scanEntries(entries.takeUntilOther(signals.stopIntake()), signals.cancelInFlight())
                .toStream(BUFFERED_RECORDS)) {
      Iterator<HostReport> iterator = reports.iterator();
      while (iterator.hasNext()) {
        HostReport report = iterator.next();
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
    return summary.errors() == 0 ? ExitCodes.OK : ExitCodes.SOME_TARGETS_FAILED;
  }
}
