package io.tlsscan.cert;

import java.util.List;
import java.util.TreeSet;

/**
 * Whether the path may authenticate a TLS server, as browsers decide it:
 *
 * <ul>
 *   <li>the leaf's extKeyUsage, when present, names serverAuth or anyExtendedKeyUsage (RFC 5280
 *       section 4.2.1.12);
 *   <li>the leaf is not a CA certificate and does not assert keyCertSign (section 4.2.1.3, and
 *       Firefox's "CA certificate used as end-entity");
 *   <li>every CA above it that has an extKeyUsage allows serverAuth too: browsers chain the
 *       purposes down the path.
 * </ul>
 *
 * <p>The leaf's own rules apply only when something issued it: a leaf that is itself the trust
 * anchor is trusted as it is, and a self-signed one is already reported as such.
 */
final class UsageChecks {
  private UsageChecks() {}

  static void check(CertificatePath path, List<PathProblem> problems) {
    List<ParsedCertificate> certificates = path.certificates();
    int anchorIndex = path.anchorIndex();
    ParsedCertificate leaf = path.leaf();
    if (certificates.size() > 1) {
      if (!leaf.extensions().allowsServerAuth()) {
        problems.add(
            PathProblem.invalid(
                "certificate's extKeyUsage does not allow TLS server authentication (it allows "
                    + purposes(leaf)
                    + ")"));
      }
      if (leaf.ca()) {
        problems.add(
            PathProblem.invalid(
                "certificate is a CA certificate (basicConstraints CA:TRUE) used as a server"
                    + " certificate"));
      } else if (leaf.keyUsageAssertsCertificateSigning()) {
        problems.add(
            PathProblem.invalid(
                "certificate's key usage asserts keyCertSign but it is not a CA"
                    + " (RFC 5280 section 4.2.1.3)"));
      }
    }
    for (int i = 1; i < certificates.size(); i++) {
      ParsedCertificate issuer = certificates.get(i);
      if (!issuer.extensions().allowsServerAuth()) {
        problems.add(
            PathProblem.invalid(
                PathChecks.role(issuer, i, anchorIndex)
                    + " limits its extKeyUsage to "
                    + purposes(issuer)
                    + ", which excludes TLS server authentication"));
      }
    }
  }

  private static String purposes(ParsedCertificate certificate) {
    return String.join(
        ", ", new TreeSet<>(certificate.extensions().extendedKeyUsage().orElseThrow()));
  }
}
