package io.tlsscan.probe.jarm;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.tls.AlertDescription;
import java.util.Optional;

/**
 * What the typical hello of JA3S and JA4S got: the facts of the server's ServerHello, or why none
 * came.
 *
 * @param hello the ServerHello's facts, when one came
 * @param unknown why none came; {@code null} when one did
 */
record TypicalAnswer(Optional<ServerHelloFacts> hello, ProbeOutcome.Failed<Void> unknown) {
  private static final int ALERT = 21;
  private static final int ALERT_DESCRIPTION = 6;

  /** The answer read from the server's first bytes. */
  static TypicalAnswer of(byte[] firstBytes) {
    Optional<ServerHelloFacts> facts = ServerHelloFacts.parse(firstBytes);
    if (facts.isPresent()) {
      return new TypicalAnswer(facts, null);
    }
    boolean alert = firstBytes.length > ALERT_DESCRIPTION && firstBytes[0] == ALERT;
    return unknown(
        alert ? ErrorKind.TLS_ALERT : ErrorKind.HANDSHAKE_FAILED,
        "no ServerHello to the typical hello: "
            + (alert
                ? "alert " + AlertDescription.nameOf(firstBytes[ALERT_DESCRIPTION] & 0xFF)
                : firstBytes.length == 0 ? "the server closed" : "not a ServerHello"));
  }

  /** The answer of a connection that failed before any ServerHello. */
  static TypicalAnswer failed(Throwable error) {
    Failure failure = FailureClassifier.classify(error);
    return unknown(failure.kind(), "the typical hello: " + failure.message());
  }

  private static TypicalAnswer unknown(ErrorKind kind, String why) {
    return new TypicalAnswer(Optional.empty(), new ProbeOutcome.Failed<>(kind, why));
  }
}
