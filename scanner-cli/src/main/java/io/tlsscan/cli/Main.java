package io.tlsscan.cli;

import picocli.CommandLine;

/** Entry point of the {@code tlsscan} command. */
public final class Main {
  private static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

  private Main() {}

  public static void main(String[] args) {
    disableNettyAllocatorEvents();
    Preloader.start(args);
    System.exit(run(args));
  }

  /**
   * Netty's buffer allocators publish Flight Recorder events unless told not to, and checking
   * whether those events are enabled initialises the recorder's machinery (about 0.1 s of start-up
   * CPU) even when no recording runs. A scan does not need them; {@code
   * -Dio.netty.jfr.enabled=true} brings them back.
   */
  private static void disableNettyAllocatorEvents() {
    if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
      System.setProperty(NETTY_JFR_PROPERTY, "false");
    }
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
