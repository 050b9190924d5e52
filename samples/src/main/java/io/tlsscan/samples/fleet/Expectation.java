package io.tlsscan.samples.fleet;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.TrustError;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a correct scan of one demo endpoint reports, in the words of the report contract, when the
 * demo CA file is passed with {@code --ca-file}.
 *
 * <pre>{@code
 * Expectation.ok(Set.of("expired"), true)   // handshake completes, chain expired, name matches
 * Expectation.error("timeout")             // no TLS handshake; error.kind is "timeout"
 * }</pre>
 *
 * @param status {@code ok} or {@code error}
 * @param errorKind the expected {@code error.kind} (e.g. {@code refused}, {@code not_tls}), or
 *     {@code null} when the status is {@code ok}
 * @param trustErrors the expected {@code certificate.trust_errors}; empty means trusted, and always
 *     empty for an {@code error} status (no certificate section)
 * @param hostnameMatch the expected {@code certificate.hostname_match}; always {@code false} for an
 *     {@code error} status
 */
public record Expectation(
    String status, String errorKind, Set<String> trustErrors, boolean hostnameMatch) {
  private static final Set<String> TRUST_ERRORS =
      wireNames(List.of(TrustError.values()), TrustError::wireName);
  private static final Set<String> ERROR_KINDS =
      wireNames(List.of(ErrorKind.values()), ErrorKind::wireName);

  /**
   * Checks the values against the contract's closed sets.
   *
   * @throws IllegalArgumentException for a status, kind or trust error outside the contract
   */
  public Expectation {
    requireNonNull(status, "status");
    trustErrors = Set.copyOf(trustErrors);
    if (status.equals("ok")) {
      if (errorKind != null) {
        throw new IllegalArgumentException("an ok expectation has no error kind: " + errorKind);
      }
      if (!TRUST_ERRORS.containsAll(trustErrors)) {
        throw new IllegalArgumentException("unknown trust error in " + trustErrors);
      }
    } else if (status.equals("error")) {
      if (!ERROR_KINDS.contains(errorKind)) {
        throw new IllegalArgumentException("unknown error kind: " + errorKind);
      }
      if (!trustErrors.isEmpty() || hostnameMatch) {
        throw new IllegalArgumentException("an error expectation has no certificate verdict");
      }
    } else {
      throw new IllegalArgumentException("status must be ok or error: " + status);
    }
  }

  /** A completed handshake with the given trust errors ({@code trusted} when there are none). */
  public static Expectation ok(Set<String> trustErrors, boolean hostnameMatch) {
    return new Expectation("ok", null, trustErrors, hostnameMatch);
  }

  /** A completed handshake, a trusted chain and a certificate naming the host. */
  public static Expectation clean() {
    return ok(Set.of(), true);
  }

  /** No completed handshake; the record's {@code error.kind} is {@code kind}. */
  public static Expectation error(String kind) {
    return new Expectation("error", kind, Set.of(), false);
  }

  /** True when a TLS handshake is expected to complete. */
  public boolean ok() {
    return status.equals("ok");
  }

  /** True when the chain is expected to be trusted (an {@code ok} status and no trust error). */
  public boolean trusted() {
    return ok() && trustErrors.isEmpty();
  }

  /** What differs between {@code report} and this expectation, or {@code null} when they agree. */
  public String mismatch(HostReport report) {
    if (ok() != report.ok()) {
      return "expected status "
          + status
          + ", got "
          + (report.ok() ? "ok" : "error: " + report.error().message());
    }
    if (!ok()) {
      String kind = report.error().kind().wireName();
      return kind.equals(errorKind)
          ? null
          : "expected error " + errorKind + ", got " + kind + " (" + report.error().message() + ")";
    }
    CertificateReport certificate = report.certificate().resultOrNull();
    if (certificate == null) {
      return "no certificate section";
    }
    Set<String> actualTrustErrors = wireNames(certificate.trustErrors(), TrustError::wireName);
    if (!actualTrustErrors.equals(trustErrors)) {
      return "expected trust errors " + trustErrors + ", got " + actualTrustErrors;
    }
    boolean match = certificate.hostnameMatch() == HostnameMatch.MATCH;
    return match == hostnameMatch
        ? null
        : "expected hostname_match " + hostnameMatch + ", got " + match;
  }

  private static <T> Set<String> wireNames(Collection<T> values, Function<T, String> wireName) {
    return values.stream().map(wireName).collect(Collectors.toUnmodifiableSet());
  }
}
