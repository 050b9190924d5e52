package io.tlsscan.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Draws the progress line on a console, and can take it off the screen while records are printed
 * to the same terminal: {@link #clear()} blanks the line and holds back the refreshes the bar's own
 * thread makes meanwhile; {@link #redraw()} shows the latest one again. Thread-safe: the bar
 * refreshes from its own thread, the records come from the writer's.
 */
final class ClearableConsole implements ProgressBarConsumer {
  private static final char CARRIAGE_RETURN = '\r';

  private final PrintStream out;
  private final ConsoleProgressBarConsumer console;
  private String latest;
  private int shownLength;
  private boolean cleared;

  ClearableConsole(PrintStream out) {
    this.out = out;
    this.console = new ConsoleProgressBarConsumer(out);
  }

  @Override
  public int getMaxRenderedLength() {
    return console.getMaxRenderedLength();
  }

  @Override
  public synchronized void accept(String rendered) {
    latest = rendered;
    if (!cleared) {
      draw();
    }
  }

  /** Blanks the line and keeps it blank until {@link #redraw()}. */
  @Override
  public synchronized void clear() {
    if (cleared) {
      return;
    }
    cleared = true;
    if (shownLength > 0) {
      out.print(CARRIAGE_RETURN + " ".repeat(shownLength) + CARRIAGE_RETURN);
      out.flush();
      shownLength = 0;
    }
  }

  /** Draws the latest state again after {@link #clear()}. */
  synchronized void redraw() {
    cleared = false;
    if (latest != null) {
      draw();
    }
  }

  private void draw() {
    console.accept(latest);
    out.flush();
    shownLength = Math.min(latest.length(), getMaxRenderedLength());
  }

  /** Leaves the last state on the screen, drawn again if it was cleared, and ends its line. */
  @Override
  public synchronized void close() {
    if (cleared && latest != null) {
      draw();
    }
    cleared = false;
    console.close();
  }
}
