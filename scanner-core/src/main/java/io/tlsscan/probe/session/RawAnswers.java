package io.tlsscan.probe.session;

import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;

/** How a server's answer to a raw hello is named in the reason an answer is unknown. */
final class RawAnswers {
  private RawAnswers() {}

  /** "alert handshake_failure", "TLSv1.2 ServerHello, ...", "the server closed the connection". */
  static String describe(ServerResponse answer) {
    if (answer instanceof ServerResponse.Alert alert) {
      return "alert " + alert.descriptionName();
    }
    if (answer instanceof ServerResponse.ServerHello hello) {
      String why =
          hello.flight().flatMap(ServerFlight::incompleteReason).map(", "::concat).orElse("");
      return hello.version().reportName() + " ServerHello" + why;
    }
    return answer instanceof ServerResponse.Closed
        ? "the server closed the connection"
        : answer.getClass().getSimpleName();
  }
}
