package io.tlsscan.probe.vulns;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The undecided verdicts of checks whose hello was not answered as they needed. */
final class Refusals {
  private Refusals() {}

  /**
   * {@code checks} undecided because the server answered {@code answer} instead of a ServerHello.
   */
  static Map<Weakness, WeaknessVerdict> refused(ServerResponse answer, Set<Weakness> checks) {
    WeaknessVerdict verdict;
    if (answer instanceof ServerResponse.Alert alert) {
      verdict =
          WeaknessVerdict.undecided(
              ErrorKind.TLS_ALERT, "the server refused the hello: " + alert.descriptionName());
    } else if (answer instanceof ServerResponse.Closed) {
      verdict = WeaknessVerdict.undecided(ErrorKind.RESET, "the server closed after the hello");
    } else {
      verdict =
          WeaknessVerdict.undecided(
              ErrorKind.HANDSHAKE_FAILED, "no ServerHello to the hello: " + answer);
    }
    return all(checks, verdict);
  }

  /**
   * Whether the server ended its flight before ServerHelloDone (an alert, a close): records sent
   * after it test nothing.
   */
  static boolean flightCutShort(ServerResponse.ServerHello hello) {
    return hello.flight().filter(flight -> !flight.complete()).isPresent();
  }

  /** The undecided verdict of a check whose records would follow a flight cut short. */
  static WeaknessVerdict cutShort(ServerResponse.ServerHello hello) {
    return WeaknessVerdict.inconclusive(
        "the server's flight ended before ServerHelloDone: "
            + hello.flight().flatMap(ServerFlight::incompleteReason).orElse("cut short"));
  }

  /** {@code mono}, with a failed connection making {@code checks} undecided instead. */
  static Mono<Map<Weakness, WeaknessVerdict>> orUndecided(
      Mono<Map<Weakness, WeaknessVerdict>> mono, Set<Weakness> checks) {
    return mono.onErrorResume(
        error -> {
          Failure failure = FailureClassifier.classify(error);
          return Mono.just(
              all(checks, WeaknessVerdict.undecided(failure.kind(), failure.message())));
        });
  }

  /** The same verdict for each of {@code checks}. */
  static Map<Weakness, WeaknessVerdict> all(Set<Weakness> checks, WeaknessVerdict verdict) {
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    checks.forEach(check -> verdicts.put(check, verdict));
    return verdicts;
  }
}
