package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * A certificate fact worth a finding that the closed {@link TrustError} set cannot say on its own,
 * e.g. {@code cert.no_san} or the detail behind {@code invalid_chain}.
 *
 * @param id stable dotted identifier
 * @param severity how bad it is
 * @param message what is wrong, for people
 */
public record CertificateIssue(String id, Severity severity, String message) {
  public CertificateIssue {
    requireNonNull(id, "id");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }
}
