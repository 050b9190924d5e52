package io.tlsscan.probe.ciphers;

import io.tlsscan.model.CipherInfo;
import java.util.List;
import java.util.Optional;

/**
 * The suites one version accepts, in the server's order of preference when it enforces one, and
 * whether it does (empty when fewer than two suites leave nothing to compare).
 */
record VersionCiphers(List<CipherInfo> suites, Optional<Boolean> serverOrder) {
  VersionCiphers {
    suites = List.copyOf(suites);
  }
}
