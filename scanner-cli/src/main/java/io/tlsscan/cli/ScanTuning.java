package io.tlsscan.cli;

import io.tlsscan.scan.ScanOptions;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that shape how targets are scanned, shared by {@code scan} and {@code demo}. */
final class ScanTuning {
  private static final int MAX_CONCURRENCY = 100_000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      description = "Targets scanned at the same time (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_CONCURRENCY)
  int concurrency;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Hard deadline per target, covering DNS, connect, handshake and every probe"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10s")
  Duration timeout;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time allowed for one TCP connect (default: ${DEFAULT-VALUE}).",
      defaultValue = "5s")
  Duration connectTimeout;

  @Option(
      names = "--max-bytes",
      paramLabel = "BYTES",
      description = "Bytes one connection may read before it is cut (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_MAX_BYTES_PER_CONNECTION)
  int maxBytesPerConnection;

  /** The scan options these flags describe; a usage error names the bad flag. */
  ScanOptions options() {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new ParameterException(
          spec.commandLine(),
          "--concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
    }
    try {
      return new ScanOptions(concurrency, timeout, connectTimeout, maxBytesPerConnection);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
