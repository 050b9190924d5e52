package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress line on stderr: targets done (of the total when the host list is a file: its target
 * lines are counted on a background thread while the scan runs), rate, ETA and errors by kind.
 * When records go to the same terminal, the line is cleared before they are printed and drawn
 * again after, so the two never share a line.
 */
final class ProgressLine implements Progress {
  private static final int REFRESH_MILLIS = 500;

  private final ProgressBar bar;
  private final ClearableConsole console;
  private final boolean recordsOnSameTerminal;
  private final ErrorTally errorsByKind = new ErrorTally();

  ProgressLine(Path hostList, boolean recordsOnSameTerminal) {
    this(hostList, System.err, REFRESH_MILLIS, recordsOnSameTerminal);
  }

  ProgressLine(Path hostList, PrintStream err, int refreshMillis, boolean recordsOnSameTerminal) {
    this.console = new ClearableConsole(err);
    this.recordsOnSameTerminal = recordsOnSameTerminal;
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("scan")
            .setInitialMax(-1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" targets", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(refreshMillis)
            .setConsumer(console)
            .build();
    if (hostList != null) {
      countInBackground(hostList);
    }
  }

  private void countInBackground(Path hostList) {
    Thread counter =
        new Thread(
            () -> {
              long lines = countTargetLines(hostList);
              if (lines > 0) {
                bar.maxHint(lines);
              }
            },
            "tlsscan-count");
    counter.setDaemon(true);
    counter.start();
  }

  /** Lines that are neither blank nor comments; port lists and CIDR blocks count once. */
  static long countTargetLines(Path file) {
    long count = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      boolean lineStart = true;
      boolean counted = false;
      int read;
      while ((read = in.read(buffer)) > 0) {
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            lineStart = true;
            counted = false;
          } else if (lineStart && (b == ' ' || b == '\t' || b == '\r')) {
            continue;
          } else if (lineStart) {
            lineStart = false;
            if (b != '#' && !counted) {
              count++;
              counted = true;
            }
          }
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return count;
  }

  @Override
  public void recorded(HostReport report) {
    bar.step();
    if (errorsByKind.add(report)) {
      bar.setExtraMessage(" errors: " + errorsByKind);
    }
  }

  @Override
  public void beforeRecords() {
    if (recordsOnSameTerminal) {
      console.clear();
    }
  }

  @Override
  public void afterRecords() {
    if (recordsOnSameTerminal) {
      console.redraw();
    }
  }

  @Override
  public void close() {
    bar.close();
  }
}
