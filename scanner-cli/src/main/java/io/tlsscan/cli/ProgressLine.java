package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress line on stderr: targets done (of the total when the host list is a file: its target
 * lines are counted on a background thread while the scan runs), rate, ETA and errors by kind.
 */
final class ProgressLine implements Progress {
  private final ProgressBar bar;
  private final ErrorTally errorsByKind = new ErrorTally();

  ProgressLine(Path hostList) {
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("scan")
            .setInitialMax(-1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" targets", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
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
  public void close() {
    bar.close();
  }
}
