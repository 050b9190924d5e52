package io.tlsscan.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's {@code ciphers} section and {@code server_cipher_order}.
 *
 * @param byVersion for each accepted version (report names, oldest first), the suites the server
 *     accepts, in its order of preference when it enforces one
 * @param serverOrder whether the server picks by its own preference rather than the client's;
 *     {@code null} when no version has two suites to compare
 */
public record CipherSupport(Map<String, List<CipherInfo>> byVersion, Boolean serverOrder) {
  public CipherSupport {
    Map<String, List<CipherInfo>> copy = new LinkedHashMap<>();
    byVersion.forEach((version, suites) -> copy.put(version, List.copyOf(suites)));
    byVersion = Collections.unmodifiableMap(copy);
  }
}
