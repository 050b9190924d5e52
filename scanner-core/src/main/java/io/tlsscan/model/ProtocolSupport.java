package io.tlsscan.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's {@code protocols} section: for each version from SSLv2 to TLSv1.3 (report names),
 * whether the server accepts it; a {@code null} value means the probe could not tell (the server
 * answered neither yes nor no, e.g. it timed out on that version only).
 *
 * @param accepted versions in order, oldest first
 */
public record ProtocolSupport(Map<String, Boolean> accepted) {
  public ProtocolSupport {
    accepted = Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
  }

  /** True when the server is known to accept {@code version}. */
  public boolean accepts(String version) {
    return Boolean.TRUE.equals(accepted.get(version));
  }
}
