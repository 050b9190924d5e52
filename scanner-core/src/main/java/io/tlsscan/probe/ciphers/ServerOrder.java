package io.tlsscan.probe.ciphers;

import java.util.List;
import java.util.Optional;

/**
 * A version's suites in the server's order of preference when it enforces one, and whether it does
 * (empty when the answers could not tell).
 */
record ServerOrder(List<AcceptedSuite> suites, Optional<Boolean> enforced) {
  ServerOrder {
    suites = List.copyOf(suites);
  }
}
