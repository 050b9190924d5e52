package io.tlsscan.report.diff;

import io.tlsscan.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/** Writes the {@link TargetDiff}s of a diff as they come, in one of the {@link Format}s. */
public interface DiffWriter {

  /** Writes one target's changes. */
  void write(TargetDiff diff) throws IOException;

  /** The output formats of {@code tlsscan diff}. */
  enum Format {
    /** One JSON object per changed target ({@link DiffJsonLines}). */
    JSONL,
    /** A block per changed target, one line per change ({@link DiffText}). */
    TEXT;

    /** The writer of this format on {@code out}; {@code failOn} decides what is worse. */
    public DiffWriter open(OutputStream out, Severity failOn) {
      return switch (this) {
        case JSONL -> new DiffJsonLines(out, failOn);
        case TEXT -> new DiffText(out, failOn);
      };
    }

    /** The name used on the command line. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
