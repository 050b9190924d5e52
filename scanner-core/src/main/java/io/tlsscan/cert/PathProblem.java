package io.tlsscan.cert;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;

/**
 * One reason a certification path is not valid, as it is reported if that path is the one chosen.
 *
 * @param error the trust error it adds
 * @param severity how bad it is
 * @param message what is wrong, naming the certificate
 */
record PathProblem(TrustError error, Severity severity, String message) {
  PathProblem {
    requireNonNull(error, "error");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }

  /** A problem of the chain's structure or extensions: {@code invalid_chain}, high. */
  static PathProblem invalid(String message) {
    return new PathProblem(TrustError.INVALID_CHAIN, Severity.HIGH, message);
  }
}
