package io.tlsscan.cli;

/** The message of the most specific cause of an error, for a one-line diagnostic. */
final class ErrorText {
  private ErrorText() {}

  static String of(Throwable error) {
    Throwable current = error;
    while (current.getMessage() == null && current.getCause() != null) {
      current = current.getCause();
    }
    String message = current.getMessage();
    return message != null ? message : current.getClass().getSimpleName();
  }
}
