package io.tlsscan.cert;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of RFC 5280's certificate policy processing (section 6.1) that can reject a path for a
 * relying party that asks for no particular policy: once a {@code requireExplicitPolicy} count
 * runs out, every certificate from there down must share an acceptable policy with those above it.
 * The set of valid policies is followed without policy mappings; {@code anyPolicy} matches any.
 */
final class PolicyChecks {
  private PolicyChecks() {}

  static void check(CertificatePath path, List<PathProblem> problems) {
    int anchorIndex = path.anchorIndex();
    if (anchorIndex <= 0) {
      return;
    }
    List<ParsedCertificate> certificates = path.certificates();
    int explicit = anchorIndex + 1;
    Set<String> valid = new HashSet<>(Set.of(CertificateExtensions.ANY_POLICY));
    for (int i = anchorIndex - 1; i >= 0; i--) {
      ParsedCertificate certificate = certificates.get(i);
      valid = narrow(valid, certificate.extensions().policies());
      if (explicit == 0 && valid == null) {
        problems.add(missingPolicy(certificate));
        return;
      }
      int required = certificate.extensions().requireExplicitPolicy();
      if (i > 0) {
        if (!certificate.selfIssued() && explicit > 0) {
          explicit--;
        }
        if (required >= 0 && required < explicit) {
          explicit = required;
        }
      } else {
        explicit = required == 0 ? 0 : Math.max(0, explicit - 1);
        if (explicit == 0 && valid == null) {
          problems.add(missingPolicy(certificate));
        }
      }
    }
  }

  private static PathProblem missingPolicy(ParsedCertificate certificate) {
    return PathProblem.invalid(
        "a certificate policy is required at "
            + Names.shorten(certificate.subjectName())
            + ", and the path has none that every certificate down to it shares"
            + " (RFC 5280 section 6.1)");
  }

  /** The policies still valid below a certificate, or {@code null} when none are. */
  private static Set<String> narrow(Set<String> valid, Optional<Set<String>> policies) {
    if (valid == null || policies.isEmpty()) {
      return null;
    }
    Set<String> offered = policies.get();
    if (offered.contains(CertificateExtensions.ANY_POLICY)) {
      return valid;
    }
    if (valid.contains(CertificateExtensions.ANY_POLICY)) {
      return new HashSet<>(offered);
    }
    Set<String> kept = new HashSet<>(valid);
    kept.retainAll(offered);
    return kept.isEmpty() ? null : kept;
  }
}
