package io.tlsscan.cli;

import io.tlsscan.report.ResumeFile;
import java.nio.file.Path;

/** The line that tells the user what {@code --resume} found in the output file. */
final class ResumeMessage {
  private ResumeMessage() {}

  static String of(Path file, ResumeFile.State state) {
    StringBuilder text =
        new StringBuilder("tlsscan: resuming: ")
            .append(state.records())
            .append(" records already in ")
            .append(file);
    if (state.repairedBytes() > 0) {
      text.append("; cut ").append(state.repairedBytes()).append(" bytes of a partial last line");
    }
    if (state.unreadable() > 0) {
      text.append("; ").append(state.unreadable()).append(" lines are not records and were kept");
    }
    return text.toString();
  }
}
