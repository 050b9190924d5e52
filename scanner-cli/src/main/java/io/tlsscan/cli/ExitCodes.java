package io.tlsscan.cli;

/** The process exit codes of {@code tlsscan}, documented in the README. */
final class ExitCodes {
  /** Every target was scanned (a TLS handshake completed with each). */
  static final int OK = 0;

  /** Some target has a finding at or above {@code --fail-on} (scan); the fleet is off (demo). */
  static final int FINDINGS = 1;

  /** {@code diff}: something got worse between the two scans. */
  static final int WORSE = 1;

  /** Usage error, or the host list / CA file / output file could not be used. */
  static final int USAGE = 2;

  /** Some targets could not be scanned (their records carry the error). */
  static final int SOME_TARGETS_FAILED = 3;

  /** The scan was interrupted before every target had its record. */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
