package io.tlsscan.probe.ciphers;

import io.tlsscan.tls.CipherSuite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What list elimination found for one version.
 *
 * @param suites the accepted suites, in the order the server picked them, offer after offer
 * @param firstPicks the suite the server picked first from each offer that found any; a server with
 *     an order of its own prefers one of these to all the others
 */
record Elimination(List<AcceptedSuite> suites, Set<CipherSuite> firstPicks) {
  Elimination {
    suites = List.copyOf(suites);
    firstPicks = Set.copyOf(firstPicks);
  }

  /** The suites each offer found, in offer order. */
  static Elimination of(List<List<AcceptedSuite>> byOffer) {
    List<AcceptedSuite> suites = new ArrayList<>();
    byOffer.forEach(suites::addAll);
    Set<CipherSuite> firstPicks =
        byOffer.stream()
            .filter(found -> !found.isEmpty())
            .map(found -> found.get(0).suite())
            .collect(Collectors.toSet());
    return new Elimination(suites, firstPicks);
  }

  /** Whether the suites came from more than one offer, so their order across offers is unknown. */
  boolean severalOffers() {
    return firstPicks.size() > 1;
  }

  List<CipherSuite> suiteList() {
    return suites.stream().map(AcceptedSuite::suite).toList();
  }

  /** The suites, last found first. */
  List<CipherSuite> reversed() {
    List<CipherSuite> reversed = new ArrayList<>(suiteList());
    Collections.reverse(reversed);
    return reversed;
  }
}
