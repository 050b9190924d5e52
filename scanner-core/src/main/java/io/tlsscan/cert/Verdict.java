package io.tlsscan.cert;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.PathCertificate;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the trust errors and issues of one analysis. Trust errors come out once each, in {@link
 * TrustError} declaration order; issues in the order they were found. Not thread-safe: one instance
 * per analysis.
 */
final class Verdict {
  private final Set<TrustError> errors = EnumSet.noneOf(TrustError.class);
  private final List<CertificateIssue> issues = new ArrayList<>();

  /** Records a trust error with its issue {@code cert.<wire name>}. */
  void fail(TrustError error, Severity severity, String message) {
    errors.add(error);
    issues.add(new CertificateIssue("cert." + error.wireName(), severity, message));
  }

  /** Records the trust error of a path problem with its issue. */
  void fail(PathProblem problem) {
    fail(problem.error(), problem.severity(), problem.message());
  }

  /** Records an issue that is not a trust error. */
  void note(String id, Severity severity, String message) {
    issues.add(new CertificateIssue(id, severity, message));
  }

  CertificateReport report(
      HostnameMatch hostnameMatch, List<CertificateInfo> chain, List<PathCertificate> path) {
    return new CertificateReport(List.copyOf(errors), hostnameMatch, chain, path, issues);
  }
}
