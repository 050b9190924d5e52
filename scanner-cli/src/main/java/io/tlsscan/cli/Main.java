package io.tlsscan.cli;

import picocli.CommandLine;

/** Entry point of the {@code tlsscan} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Preloader.start(args);
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (see the README). */
  static int run(String... args) {
    CommandLine commandLine = new CommandLine(new TlsscanCommand());
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          cmd.getErr().println("tlsscan: " + ErrorText.of(error));
          return ExitCodes.USAGE;
        });
    commandLine.setExitCodeExceptionMapper(error -> ExitCodes.USAGE);
    return commandLine.execute(args);
  }
}
