package io.tlsscan.target;

/**
 * Why a host-list line cannot be parsed; caught by {@link TargetParser} and turned into an {@link
 * InvalidTarget}. Carries no stack trace: it describes the input, not the code.
 */
final class InvalidLineException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidLineException(String reason) {
    super(reason, null, false, false);
  }
}
