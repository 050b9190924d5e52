package io.tlsscan.report.policy;

/** A policy that cannot be used: the message names the file, the line and the field. */
public final class PolicyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyFileException(String message, Throwable cause) {
    super(message, cause);
  }

  public PolicyFileException(String message) {
    super(message);
  }
}
