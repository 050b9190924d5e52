package io.tlsscan.policy;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Severity;

/**
 * One kind of finding in the {@linkplain FindingCatalog catalogue}.
 *
 * @param id the stable dotted id records carry, e.g. {@code cert.expired}
 * @param severity its severity unless a policy overrides it
 * @param meaning what it says about the target, one line
 * @param remedy what to change on the server, one line
 */
public record FindingKind(String id, Severity severity, String meaning, String remedy) {
  public FindingKind {
    requireNonNull(id, "id");
    requireNonNull(severity, "severity");
    requireNonNull(meaning, "meaning");
    requireNonNull(remedy, "remedy");
  }
}
