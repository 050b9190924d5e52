package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * One judgement about a target, e.g. {@code cert.expired}.
 *
 * @param id stable dotted identifier, usable in jq filters and policy files
 * @param severity how bad it is
 * @param message what is wrong, for people
 * @param policy the policy that produced it
 */
public record Finding(String id, Severity severity, String message, String policy) {
  public Finding {
    requireNonNull(id, "id");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
    requireNonNull(policy, "policy");
  }
}
