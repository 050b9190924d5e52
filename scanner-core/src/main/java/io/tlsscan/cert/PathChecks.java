package io.tlsscan.cert;

import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Judges one certification path by RFC 5280 section 6 and what browsers enforce on top of it. Every
 * certificate of the path is checked, the trust anchor included (its validity, key, CA role,
 * extensions and constraints: browsers enforce them on roots too), except the anchor's own
 * signature. The rules per certificate:
 *
 * <ul>
 *   <li>validity at the scan time; key not weak, EC keys on a named curve; no broken signature hash
 *       below the anchor;
 *   <li>no unknown critical extension, no extension encoded against RFC 5280 ({@link
 *       CertificateExtensions});
 *   <li>every issuer a CA whose key usage allows certificate signing, within its path length
 *       (self-issued intermediates do not count, RFC 5280 section 6.1.4 (l));
 *   <li>the leaf usable by a TLS server ({@link UsageChecks}), names within every name constraint
 *       above ({@link NameConstraintChecks}), an explicit policy where one is required ({@link
 *       PolicyChecks}).
 * </ul>
 *
 * <p>Stateless apart from the shared signature cache; thread-safe.
 */
final class PathChecks {
  /** A certificate with fewer whole days left than this is reported as expiring soon. */
  static final int EXPIRING_SOON_DAYS = 30;

  /** Smallest RSA or DSA key that is not weak. */
  static final int MIN_RSA_DSA_BITS = 2048;

  /** Smallest EC key that is not weak. */
  static final int MIN_EC_BITS = 224;

  private final SignatureVerifier verifier;

  PathChecks(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * Every problem of the path, in path order; empty when the path is valid. Validity periods are
   * compared at whole seconds, as certificates state them: both ends are inside the period.
   */
  List<PathProblem> check(CertificatePath path, Instant scanTime) {
    Instant now = scanTime.truncatedTo(ChronoUnit.SECONDS);
    List<PathProblem> problems = new ArrayList<>();
    List<ParsedCertificate> certificates = path.certificates();
    int anchorIndex = path.anchorIndex();
    for (int i = 0; i < certificates.size(); i++) {
      ParsedCertificate certificate = certificates.get(i);
      String role = role(certificate, i, anchorIndex);
      checkValidity(certificate, role, now, problems);
      checkKey(certificate, problems);
      if (i != anchorIndex && !verifier.selfSigned(certificate)) {
        checkSignatureHash(certificate, problems);
      }
      checkExtensions(certificate, role, problems);
      if (i > 0) {
        checkIssuerRole(certificates, i, problems);
      }
    }
    UsageChecks.check(path, problems);
    NameConstraintChecks.check(certificates, problems);
    PolicyChecks.check(path, problems);
    checkEnd(path, problems);
    return problems;
  }

  /** The expiry warning for a leaf or CA that is valid but close to its end; no trust error. */
  static Optional<String> expiringSoon(ParsedCertificate certificate, String role, Instant now) {
    Instant notAfter = certificate.certificate().getNotAfter().toInstant();
    long daysLeft = Days.between(now, notAfter);
    if (now.isAfter(notAfter) || daysLeft >= EXPIRING_SOON_DAYS) {
      return Optional.empty();
    }
    return Optional.of(role + " expires " + Days.in(daysLeft) + " (" + Days.date(notAfter) + ")");
  }

  /** How messages name a certificate of the path. */
  static String role(ParsedCertificate certificate, int index, int anchorIndex) {
    if (index == 0) {
      return "certificate";
    }
    String name = Names.shorten(certificate.subjectName());
    return index == anchorIndex ? "trust anchor " + name : "CA certificate " + name;
  }

  private static void checkValidity(
      ParsedCertificate certificate, String role, Instant now, List<PathProblem> problems) {
    Instant notBefore = certificate.certificate().getNotBefore().toInstant();
    Instant notAfter = certificate.certificate().getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      problems.add(
          new PathProblem(
              TrustError.EXPIRED,
              Severity.CRITICAL,
              role
                  + " expired "
                  + Days.ago(Days.between(notAfter, now))
                  + " ("
                  + Days.date(notAfter)
                  + ")"));
    } else if (now.isBefore(notBefore)) {
      problems.add(
          new PathProblem(
              TrustError.NOT_YET_VALID,
              Severity.CRITICAL,
              role
                  + " is not valid until "
                  + Days.date(notBefore)
                  + " ("
                  + Days.in(Days.between(now, notBefore))
                  + ")"));
    }
  }

  /**
   * RSA below 2048 bits and EC below 224 bits are weak; DSA keys, RSA moduli that are not whole
   * octets and EC keys with explicit curve parameters are not accepted by browsers at all.
   */
  private static void checkKey(ParsedCertificate certificate, List<PathProblem> problems) {
    KeyInfo key = certificate.key();
    boolean weak =
        switch (key.type()) {
          case "RSA", "DSA" -> key.bits() > 0 && key.bits() < MIN_RSA_DSA_BITS;
          case "EC" -> key.bits() > 0 && key.bits() < MIN_EC_BITS;
          default -> false;
        };
    if (key.type().equals("DSA")) {
      problems.add(
          new PathProblem(
              TrustError.WEAK_KEY,
              Severity.HIGH,
              "DSA key on "
                  + Names.shorten(certificate.subjectName())
                  + "; browsers accept only RSA, ECDSA and EdDSA keys"));
    } else if (weak) {
      problems.add(
          new PathProblem(
              TrustError.WEAK_KEY,
              Severity.HIGH,
              key.type()
                  + " "
                  + key.bits()
                  + "-bit key on "
                  + Names.shorten(certificate.subjectName())));
    } else if (key.type().equals("RSA") && key.bits() % 8 != 0) {
      problems.add(
          PathProblem.invalid(
              Names.shorten(certificate.subjectName())
                  + " has an RSA modulus of "
                  + key.bits()
                  + " bits, not a whole number of octets"));
    } else if (key.type().equals("EC") && key.curve() == null) {
      problems.add(
          PathProblem.invalid(
              Names.shorten(certificate.subjectName())
                  + " has an EC key with explicit curve parameters instead of a named curve"
                  + " (RFC 5480 section 2.1.1)"));
    }
  }

  private static void checkSignatureHash(ParsedCertificate certificate, List<PathProblem> problems) {
    Optional<String> weakHash = SignatureAlgorithms.weakHash(certificate.certificate());
    weakHash.ifPresent(
        hash ->
            problems.add(
                new PathProblem(
                    TrustError.WEAK_SIGNATURE,
                    Severity.HIGH,
                    Names.shorten(certificate.subjectName())
                        + " is signed with "
                        + certificate.certificate().getSigAlgName()
                        + " ("
                        + hash
                        + ")")));
  }

  private static void checkExtensions(
      ParsedCertificate certificate, String role, List<PathProblem> problems) {
    CertificateExtensions extensions = certificate.extensions();
    for (String oid : extensions.unknownCritical()) {
      problems.add(
          PathProblem.invalid(role + " has an unknown critical extension " + oid));
    }
    for (String flaw : extensions.flaws()) {
      problems.add(PathProblem.invalid(role + ": " + flaw));
    }
  }

  /**
   * RFC 5280 section 4.2.1.9 (basicConstraints, pathLenConstraint) and 4.2.1.3 (keyUsage) for the
   * issuer at {@code index}. Path length counts the intermediates between it and the leaf that are
   * not self-issued (section 6.1.4 (l)).
   */
  private static void checkIssuerRole(
      List<ParsedCertificate> path, int index, List<PathProblem> problems) {
    ParsedCertificate issuer = path.get(index);
    ParsedCertificate issued = path.get(index - 1);
    String prefix =
        Names.shorten(issuer.subjectName()) + " issued " + Names.shorten(issued.subjectName());
    if (!issuer.ca()) {
      problems.add(PathProblem.invalid(prefix + " but is not a CA (basicConstraints)"));
      return;
    }
    if (issuer.subject().getEncoded().length <= 2) {
      problems.add(
          PathProblem.invalid(
              "a CA with an empty subject issued "
                  + Names.shorten(issued.subjectName())
                  + " (RFC 5280 section 4.1.2.6)"));
    }
    if (!issuer.keyUsageAllowsCertificateSigning()) {
      problems.add(
          PathProblem.invalid(prefix + " but its key usage does not allow certificate signing"));
    }
    int counted = 0;
    for (int below = 1; below < index; below++) {
      counted += path.get(below).selfIssued() ? 0 : 1;
    }
    if (counted > issuer.pathLengthLimit()) {
      problems.add(
          PathProblem.invalid(
              prefix
                  + " but allows only "
                  + issuer.pathLengthLimit()
                  + " intermediate(s) below it (pathLenConstraint), the path has "
                  + counted));
    }
  }

  private static void checkEnd(CertificatePath path, List<PathProblem> problems) {
    CertificatePath.End end = path.end();
    if (end instanceof CertificatePath.UntrustedRoot) {
      if (path.certificates().size() == 1) {
        problems.add(
            new PathProblem(
                TrustError.SELF_SIGNED,
                Severity.HIGH,
                "certificate "
                    + Names.shorten(path.leaf().subjectName())
                    + " is self-signed and not a trusted root"));
      } else {
        problems.add(
            new PathProblem(
                TrustError.UNTRUSTED_ROOT,
                Severity.HIGH,
                "chain ends at "
                    + Names.shorten(path.last().subjectName())
                    + ", which is not a trusted root"));
      }
    } else if (end instanceof CertificatePath.MissingIssuer missing) {
      problems.add(
          new PathProblem(
              TrustError.INCOMPLETE_CHAIN,
              Severity.HIGH,
              "chain is incomplete: the issuer of "
                  + Names.shorten(path.last().subjectName())
                  + ", "
                  + Names.shorten(missing.issuer().getName(X500Principal.RFC2253))
                  + ", was not sent and is not a trusted root"));
    } else if (end instanceof CertificatePath.Broken broken) {
      problems.add(PathProblem.invalid(broken.reason()));
    }
  }
}
