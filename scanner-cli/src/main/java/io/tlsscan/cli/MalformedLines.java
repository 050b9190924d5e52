package io.tlsscan.cli;

import io.tlsscan.report.SafeText;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Tells stderr about lines of a saved scan that are not records, {@code FILE:LINE: problem}, the
 * first {@value #SHOWN} of them, and counts them all.
 */
final class MalformedLines implements Consumer<String> {
  static final int SHOWN = 20;

  private final PrintStream messages;
  private long count;

  MalformedLines(PrintStream messages) {
    this.messages = messages;
  }

  @Override
  public void accept(String problem) {
    if (++count <= SHOWN) {
      messages.println("tlsscan: skipped " + SafeText.forTerminal(problem));
    }
  }

  /** How many lines were skipped. */
  long count() {
    return count;
  }

  /** Says how many were not shown, if any. */
  void finish() {
    if (count > SHOWN) {
      messages.println("tlsscan: skipped " + (count - SHOWN) + " more lines that are not records");
    }
  }
}
