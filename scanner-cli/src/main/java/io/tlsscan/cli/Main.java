package io.tlsscan.cli;

import picocli.CommandLine;

/** Entry point of the {@code tlsscan} command. */
public final class Main {
  private static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";
  private static final String NETTY_LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";
  private static final String NETTY_LEGACY_LEAK_DETECTION_PROPERTY = "io.netty.leakDetectionLevel";

  private Main() {}

  public static void main(String[] args) {
    disableNettyDiagnostics();
    Preloader.start(args);
    System.exit(run(args));
  }

  /**
   * Turns off two Netty diagnostics a scan does not need, unless set on the command line. Its
   * buffer allocators publish Flight Recorder events, and checking whether those are enabled
   * initialises the recorder's machinery (about 0.1 s of start-up CPU) even when no recording runs
   * ({@code -Dio.netty.jfr.enabled=true} brings them back). Its leak detector records a stack trace
   * for one buffer in 128, about 0.5 % of a certificate scan's CPU ({@code
   * -Dio.netty.leakDetection.level=simple} brings it back).
   */
  private static void disableNettyDiagnostics() {
    if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
      System.setProperty(NETTY_JFR_PROPERTY, "false");
    }
    if (System.getProperty(NETTY_LEAK_DETECTION_PROPERTY) == null
        && System.getProperty(NETTY_LEGACY_LEAK_DETECTION_PROPERTY) == null) {
      System.setProperty(NETTY_LEAK_DETECTION_PROPERTY, "disabled");
    }
  }

  /** Runs the command line and returns the exit code (see the README). */
  static int run(String... args) {
    CommandLine commandLine = TlsscanCommand.commandLine(args);
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          cmd.getErr().println("tlsscan: " + ErrorText.of(error));
          return ExitCodes.USAGE;
        });
    commandLine.setExitCodeExceptionMapper(error -> ExitCodes.USAGE);
    return commandLine.execute(args);
  }
}
