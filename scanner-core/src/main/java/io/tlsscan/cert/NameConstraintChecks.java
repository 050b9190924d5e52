package io.tlsscan.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraintValidatorException;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PKIXNameConstraintValidator;

/**
 * RFC 5280 sections 6.1.3 (b, c) and 6.1.4 (g): the names of every certificate below a CA with a
 * nameConstraints extension (trust anchor included, as browsers enforce) must lie within its
 * permitted subtrees and outside its excluded ones. Checked: the subject name and every
 * subjectAltName entry, except those of a self-issued intermediate (a key rollover; RFC 5280
 * section 6.1.3 (b)). Matching is Bouncy Castle's {@link
 * PKIXNameConstraintValidator}: DNS names by whole labels, IP addresses by mask, directory names by
 * RDN prefix, e-mail addresses and URIs by host. On top of it, below a constraint:
 *
 * <ul>
 *   <li>a DNS name that is not a host name or host pattern, or an IP address that is not 4 or 16
 *       octets, fails (it cannot be shown to be within the constraint);
 *   <li>a wildcard {@code *.example.com} fails when a name it covers is excluded ({@code
 *       bar.example.com}): it would serve that name (CVE-2025-61727).
 * </ul>
 *
 * <p>A leaf that carries nameConstraints itself is rejected: only CAs may constrain.
 */
final class NameConstraintChecks {
  private NameConstraintChecks() {}

  /** {@code path} leaf first, the top (anchor or last found) certificate last. */
  static void check(List<ParsedCertificate> path, List<PathProblem> problems) {
    if (path.get(0).extensions().nameConstraints().isPresent() && !path.get(0).ca()) {
      problems.add(
          PathProblem.invalid(
              "certificate has nameConstraints but is not a CA (RFC 5280 section 4.2.1.10)"));
    }
    Constraints constraints = null;
    for (int i = path.size() - 1; i >= 0; i--) {
      ParsedCertificate certificate = path.get(i);
      if (constraints != null && (i == 0 || !certificate.selfIssued())) {
        Optional<String> violation = constraints.violation(certificate);
        if (violation.isPresent()) {
          problems.add(
              PathProblem.invalid(
                  Names.shorten(certificate.subjectName())
                      + " violates the name constraints of "
                      + Names.shorten(constraints.constraining.subjectName())
                      + ": "
                      + violation.get()));
          return;
        }
      }
      Optional<NameConstraints> added = certificate.extensions().nameConstraints();
      if (i > 0 && added.isPresent()) {
        constraints = constraints == null ? new Constraints() : constraints;
        constraints.add(certificate, added.get());
      }
    }
  }

  /** The constraints in force at one point of the path; mutable, one per check. */
  private static final class Constraints {
    private final PKIXNameConstraintValidator validator = new PKIXNameConstraintValidator();
    private final List<String> excludedDnsNames = new ArrayList<>();
    private ParsedCertificate constraining;

    void add(ParsedCertificate certificate, NameConstraints constraints) {
      constraining = certificate;
      GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
      if (permitted != null) {
        validator.intersectPermittedSubtree(permitted);
      }
      GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
      if (excluded != null) {
        for (GeneralSubtree subtree : excluded) {
          validator.addExcludedSubtree(subtree);
          GeneralName base = subtree.getBase();
          if (base.getTagNo() == GeneralName.dNSName) {
            excludedDnsNames.add(
                ASN1IA5String.getInstance(base.getName()).getString().toLowerCase(Locale.ROOT));
          }
        }
      }
    }

    Optional<String> violation(ParsedCertificate certificate) {
      try {
        X500Name subject = X500Name.getInstance(certificate.subject().getEncoded());
        if (subject.getRDNs().length > 0) {
          validator.checkPermittedDN(subject);
          validator.checkExcludedDN(subject);
        }
        for (GeneralName name : certificate.subjectAltNames().all()) {
          Optional<String> malformed = malformed(name);
          if (malformed.isPresent()) {
            return malformed;
          }
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

    private Optional<String> malformed(GeneralName name) {
      if (name.getTagNo() == GeneralName.iPAddress) {
        int length = ASN1OctetString.getInstance(name.getName()).getOctets().length;
        return length == 4 || length == 16
            ? Optional.empty()
            : Optional.of("an iPAddress entry of " + length + " octets is not an address");
      }
      if (name.getTagNo() != GeneralName.dNSName) {
        return Optional.empty();
      }
      String dnsName = ASN1IA5String.getInstance(name.getName()).getString().toLowerCase(Locale.ROOT);
      String host = dnsName.startsWith("*.") ? dnsName.substring(2) : dnsName;
      if (host.isEmpty() || host.startsWith(".") || host.contains("..") || host.contains("*")) {
        return Optional.of("DNS name " + Names.shorten(dnsName) + " is not a host name");
      }
      if (dnsName.startsWith("*.")) {
        for (String excluded : excludedDnsNames) {
          if (excluded.endsWith("." + host) && excluded.indexOf('.') == excluded.length() - host.length() - 1) {
            return Optional.of(
                "wildcard " + Names.shorten(dnsName) + " covers the excluded name " + Names.shorten(excluded));
          }
        }
      }
      return Optional.empty();
    }
  }
}
