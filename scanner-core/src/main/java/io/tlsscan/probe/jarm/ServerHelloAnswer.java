package io.tlsscan.probe.jarm;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.tls.AlertDescription;
import java.util.Optional;

/**
 * The ServerHello JA3S and JA4S are read from, the full handshake's or the typical hello's, or why
 * none came.
 *
 * @param hello the ServerHello's facts, when one came
 * @param unknown why none came; {@code null} when one did
 */
record ServerHelloAnswer(Optional<ServerHelloFacts> hello, ProbeOutcome.Failed<Void> unknown) {
  private static final int ALERT = 21;
  private static final int ALERT_DESCRIPTION = 6;

  /** The ServerHello of the full handshake. */
  static ServerHelloAnswer seen(ServerHelloFacts facts) {
    return new ServerHelloAnswer(Optional.of(facts), null);
  }

  /** The answer to the typical hello, read from the server's first bytes. */
  static ServerHelloAnswer of(byte[] firstBytes) {
    Optional<ServerHelloFacts> facts = ServerHelloFacts.parse(firstBytes);
    if (facts.isPresent()) {
      return new ServerHelloAnswer(facts, null);
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
  static ServerHelloAnswer failed(Throwable error) {
    Failure failure = FailureClassifier.classify(error);
    return unknown(failure.kind(), "the typical hello: " + failure.message());
  }

  private static ServerHelloAnswer unknown(ErrorKind kind, String why) {
    return new ServerHelloAnswer(Optional.empty(), new ProbeOutcome.Failed<>(kind, why));
  }
}
