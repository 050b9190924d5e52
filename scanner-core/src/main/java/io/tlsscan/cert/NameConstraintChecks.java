package io.tlsscan.cert;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * RFC 5280 sections 6.1.3 (b, c) and 6.1.4 (g): the names of every certificate below a CA with a
 * nameConstraints extension (trust anchor included, as browsers enforce) must lie within its
 * permitted subtrees and outside its excluded ones. Checked: the subject name (except for
 * self-issued intermediates) and every subjectAltName entry. Matching is Bouncy Castle's {@link
 * PKIXNameConstraintValidator}: DNS names by whole labels, IP addresses by mask, directory names by
 * RDN prefix, e-mail addresses and URIs by host.
 */
final class NameConstraintChecks {
  private NameConstraintChecks() {}

  /** {@code path} leaf first, the top (anchor or last found) certificate last. */
  static void check(List<ParsedCertificate> path, List<PathProblem> problems) {
    PKIXNameConstraintValidator validator = null;
    ParsedCertificate constraining = null;
    for (int i = path.size() - 1; i >= 0; i--) {
      ParsedCertificate certificate = path.get(i);
      if (validator != null) {
        Optional<String> violation = violation(validator, certificate, i == 0);
        if (violation.isPresent()) {
          problems.add(
              PathProblem.invalid(
                  Names.shorten(certificate.subjectName())
                      + " violates the name constraints of "
                      + Names.shorten(constraining.subjectName())
                      + ": "
                      + violation.get()));
          return;
        }
      }
      Optional<NameConstraints> constraints = certificate.extensions().nameConstraints();
      if (i > 0 && constraints.isPresent()) {
        validator = validator == null ? new PKIXNameConstraintValidator() : validator;
        apply(validator, constraints.get());
        constraining = certificate;
      }
    }
  }

  private static void apply(PKIXNameConstraintValidator validator, NameConstraints constraints) {
    GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
    if (permitted != null) {
      validator.intersectPermittedSubtree(permitted);
    }
    GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
    if (excluded != null) {
      for (GeneralSubtree subtree : excluded) {
        validator.addExcludedSubtree(subtree);
      }
    }
  }

  private static Optional<String> violation(
      PKIXNameConstraintValidator validator, ParsedCertificate certificate, boolean leaf) {
    try {
      if (leaf || !certificate.selfIssued()) {
        X500Name subject = X500Name.getInstance(certificate.subject().getEncoded());
        if (subject.getRDNs().length > 0) {
          validator.checkPermittedDN(subject);
          validator.checkExcludedDN(subject);
        }
      }
      for (GeneralName name : certificate.subjectAltNames().all()) {
        validator.checkPermitted(name);
        validator.checkExcluded(name);
      }
      return Optional.empty();
    } catch (NameConstraintValidatorException e) {
      return Optional.of(Names.shorten(String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      return Optional.of("a name cannot be compared with them");
    }
  }
}
