package io.tlsscan.cli;

import io.tlsscan.report.ReportFormat;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where records go and in which format, shared by {@code scan} and {@code demo}. */
final class OutputOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write records to FILE instead of stdout.")
  Path output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "text, jsonl, json or csv (default: text when stdout is a terminal and no -o is given,"
              + " jsonl otherwise); also html, prometheus, junit or findings-csv (written whole"
              + " at the end).")
  String format;

  @Option(
      names = {"-q", "--quiet"},
      description = "No summary line and no progress line on stderr.")
  boolean quiet;

  @Option(
      names = "--progress",
      description =
          "Show a progress line on stderr even when it is not a terminal (default: only on a"
              + " terminal, and never with --quiet).")
  boolean progress;

  /** A progress line when stderr is a terminal (or --progress), none with --quiet. */
  Progress progress(Path hostList) {
    boolean show = progress || (!quiet && Terminal.stderrIsTerminal());
    boolean recordsOnSameTerminal = output == null && Terminal.stdoutIsTerminal();
    return show ? new ProgressLine(hostList, recordsOnSameTerminal) : Progress.NONE;
  }

  ReportFormat reportFormat() {
    if (format == null) {
      return output == null && Terminal.stdoutIsTerminal() ? ReportFormat.TEXT : ReportFormat.JSONL;
    }
    try {
      return ReportFormat.fromName(format);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
    }
  }

  /** Colours only for the text view on a terminal. */
  boolean colours() {
    return output == null && Terminal.stdoutIsTerminal();
  }

  /**
   * Opens the destination; with {@code append} the -o file keeps what it has and records are added
   * at its end.
   *
   * @throws IOException naming the file when it cannot be opened
   */
  OutputStream open(boolean append) throws IOException {
    return output == null ? new FileOutputStream(FileDescriptor.out) : open(output, append);
  }

  /**
   * Opens {@code output} for writing, appending with {@code append}.
   *
   * @throws IOException naming the file when it cannot be opened
   */
  static OutputStream open(Path output, boolean append) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IOException("cannot write " + output + ": directory " + parent + " does not exist");
    }
    try {
      return append
          ? Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
          : Files.newOutputStream(output);
    } catch (IOException e) {
      throw new IOException("cannot write " + output + ": " + ErrorText.of(e), e);
    }
  }
}
