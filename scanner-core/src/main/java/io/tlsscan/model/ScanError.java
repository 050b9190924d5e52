package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * Why a target could not be scanned: the report's {@code error} object.
 *
 * @param kind one of the closed set of error kinds
 * @param phase the step that failed: {@code parse}, {@code dns}, {@code connect}, {@code handshake}
 *     or a probe name
 * @param message a human-readable explanation naming what was seen
 */
public record ScanError(ErrorKind kind, String phase, String message) {
  public ScanError {
    requireNonNull(kind, "kind");
    requireNonNull(phase, "phase");
    requireNonNull(message, "message");
  }
}
