package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.report.TextReportWriter;
import io.tlsscan.scan.ScanOptions;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The text view and the progress line on one terminal: the scan's records (stdout) and the line
 * (stderr) end up on the same screen, where a line drawn in the middle of a record would garble
 * it.
 */
class ProgressOnTerminalTest {
  private static final int TARGETS = 12;

  /** What a terminal shows: each line as left by carriage returns, trailing blanks dropped. */
  private static List<String> visibleLines(String screen) {
    List<String> lines = new ArrayList<>();
    for (String segment : screen.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      int column = 0;
      for (char c : segment.toCharArray()) {
        if (c == '\r') {
          column = 0;
        } else if (column < line.length()) {
          line.setCharAt(column++, c);
        } else {
          line.append(c);
          column++;
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** A terminal that prints what it is sent a few bytes at a time, as a slow one does. */
  private static OutputStream slowly(OutputStream screen) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (screen) {
          try {
            screen.write(b);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        if (b == ' ') {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
  }

  @Test
  void recordsPrintedOnTheTerminalAreNeverCutByTheProgressLine() throws Exception {
    // Given a terminal that both stdout and stderr write to, and a progress line redrawn every 2 ms
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream stderr = new PrintStream(slowly(screen), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream recordsAlone = new ByteArrayOutputStream();
    OutputStream stdout =
        new OutputStream() {
          private final OutputStream terminal = slowly(screen);

          @Override
          public void write(int b) throws IOException {
            recordsAlone.write(b);
            terminal.write(b);
          }
        };
    List<String> targets =
        IntStream.rangeClosed(1, TARGETS).mapToObj(i -> "127.0.91." + i + ":9").toList();
    ScanOptions options =
        ScanOptions.defaults().withTimeout(Duration.ofSeconds(2)).withRates(25, 0).withRetries(0);

    // When closed ports are scanned with the text view on that terminal, records spaced out
    int code;
    try (Scanner scanner = Scanner.builder().options(options).build();
        TextReportWriter writer = new TextReportWriter(stdout, false)) {
      Progress progress = new ProgressLine(null, stderr, 2, true);
      code =
          new ScanRun(scanner, writer, stderr, true, progress, FailOn.DEFAULT)
              .run(new HostListReader().fromArguments(targets));
    }

    // Then every line of every record shows on the terminal whole, as the records alone read
    assertThat(code).isEqualTo(ExitCodes.SOME_TARGETS_FAILED);
    List<String> expected =
        recordsAlone.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    assertThat(expected).hasSizeGreaterThanOrEqualTo(TARGETS);
    List<String> shown = visibleLines(screen.toString(StandardCharsets.UTF_8));
    assertThat(shown).containsAll(expected);
    // And the progress line was drawn between the records, on lines of its own
    assertThat(shown.stream().filter(line -> line.startsWith("scan")).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(shown.stream().filter(line -> line.contains("scan") && line.contains("127.0.91.")))
        .isEmpty();
  }
}
