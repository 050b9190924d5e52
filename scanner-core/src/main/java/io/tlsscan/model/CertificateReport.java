package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The report's {@code certificate} section: the chain as sent and the scanner's own verdict on it.
 *
 * @param trustErrors the closed set of reasons the chain is not trusted; empty means trusted
 * @param hostnameMatch whether the leaf names the target host
 * @param chain every certificate as the server sent it, order kept
 * @param path the certification path chosen (the valid one, else the best invalid one), leaf first;
 *     empty when the leaf could not be read
 * @param issues facts that become findings (not serialized in this section)
 */
public record CertificateReport(
    List<TrustError> trustErrors,
    HostnameMatch hostnameMatch,
    List<CertificateInfo> chain,
    List<PathCertificate> path,
    List<CertificateIssue> issues) {
  public CertificateReport {
    trustErrors = List.copyOf(trustErrors);
    requireNonNull(hostnameMatch, "hostnameMatch");
    chain = List.copyOf(chain);
    path = List.copyOf(path);
    issues = List.copyOf(issues);
  }

  /** True only when there is no trust error. */
  public boolean trusted() {
    return trustErrors.isEmpty();
  }
}
