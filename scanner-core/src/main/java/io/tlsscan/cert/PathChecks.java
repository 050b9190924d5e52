package io.tlsscan.cert;

import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Judges a built path: validity dates, key sizes, signature hashes, the CA role of every issuer,
 * and how the path ends.
 *
 * <p>Every certificate of the path is checked except a trust anchor above the leaf (anchors are
 * trusted as they are); the leaf is always checked, even when it is itself an anchor.
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

  void check(CertificatePath path, Instant now, Verdict verdict) {
    List<ParsedCertificate> certificates = path.certificates();
    int anchorIndex = path.anchorIndex();
    for (int i = 0; i < certificates.size(); i++) {
      if (i > 0 && i == anchorIndex) {
        continue;
      }
      ParsedCertificate certificate = certificates.get(i);
      checkValidity(certificate, i == 0, now, verdict);
      checkKey(certificate, verdict);
      if (!verifier.selfSigned(certificate)) {
        checkSignatureHash(certificate, verdict);
      }
      if (i > 0) {
        checkIssuerRole(certificate, certificates.get(i - 1), i - 1, verdict);
      }
    }
    checkEnd(path, verdict);
  }

  private static void checkValidity(
      ParsedCertificate certificate, boolean leaf, Instant now, Verdict verdict) {
    String what =
        leaf ? "certificate" : "CA certificate " + Names.shorten(certificate.subjectName());
    Instant notBefore = certificate.certificate().getNotBefore().toInstant();
    Instant notAfter = certificate.certificate().getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      verdict.fail(
          TrustError.EXPIRED,
          Severity.CRITICAL,
          what
              + " expired "
              + Days.ago(Days.between(notAfter, now))
              + " ("
              + Days.date(notAfter)
              + ")");
    } else if (now.isBefore(notBefore)) {
      verdict.fail(
          TrustError.NOT_YET_VALID,
          Severity.CRITICAL,
          what
              + " is not valid until "
              + Days.date(notBefore)
              + " ("
              + Days.in(Days.between(now, notBefore))
              + ")");
    } else {
      long daysLeft = Days.between(now, notAfter);
      if (daysLeft < EXPIRING_SOON_DAYS) {
        verdict.note(
            "cert.expiring_soon",
            Severity.MEDIUM,
            what + " expires " + Days.in(daysLeft) + " (" + Days.date(notAfter) + ")");
      }
    }
  }

  private static void checkKey(ParsedCertificate certificate, Verdict verdict) {
    KeyInfo key = certificate.key();
    boolean weak =
        switch (key.type()) {
          case "RSA", "DSA" -> key.bits() > 0 && key.bits() < MIN_RSA_DSA_BITS;
          case "EC" -> key.bits() > 0 && key.bits() < MIN_EC_BITS;
          default -> false;
        };
    if (weak) {
      verdict.fail(
          TrustError.WEAK_KEY,
          Severity.HIGH,
          key.type()
              + " "
              + key.bits()
              + "-bit key on "
              + Names.shorten(certificate.subjectName()));
    }
  }

  private static void checkSignatureHash(ParsedCertificate certificate, Verdict verdict) {
    Optional<String> weakHash = SignatureAlgorithms.weakHash(certificate.certificate());
    weakHash.ifPresent(
        hash ->
            verdict.fail(
                TrustError.WEAK_SIGNATURE,
                Severity.HIGH,
                Names.shorten(certificate.subjectName())
                    + " is signed with "
                    + certificate.certificate().getSigAlgName()
                    + " ("
                    + hash
                    + ")"));
  }

  /** RFC 5280 section 4.2.1.9 (basicConstraints) and 4.2.1.3 (keyUsage) for an issuer. */
  private static void checkIssuerRole(
      ParsedCertificate issuer, ParsedCertificate issued, int intermediatesBelow, Verdict verdict) {
    String prefix =
        Names.shorten(issuer.subjectName()) + " issued " + Names.shorten(issued.subjectName());
    if (!issuer.ca()) {
      verdict.fail(
          TrustError.INVALID_CHAIN, Severity.HIGH, prefix + " but is not a CA (basicConstraints)");
      return;
    }
    if (!issuer.keyUsageAllowsCertificateSigning()) {
      verdict.fail(
          TrustError.INVALID_CHAIN,
          Severity.HIGH,
          prefix + " but its key usage does not allow certificate signing");
    }
    if (intermediatesBelow > issuer.pathLengthLimit()) {
      verdict.fail(
          TrustError.INVALID_CHAIN,
          Severity.HIGH,
          prefix
              + " but allows only "
              + issuer.pathLengthLimit()
              + " intermediate(s) below it (pathLenConstraint), the path has "
              + intermediatesBelow);
    }
  }

  private static void checkEnd(CertificatePath path, Verdict verdict) {
    CertificatePath.End end = path.end();
    if (end instanceof CertificatePath.UntrustedRoot) {
      if (path.certificates().size() == 1) {
        verdict.fail(
            TrustError.SELF_SIGNED,
            Severity.HIGH,
            "certificate "
                + Names.shorten(path.leaf().subjectName())
                + " is self-signed and not a trusted root");
      } else {
        verdict.fail(
            TrustError.UNTRUSTED_ROOT,
            Severity.HIGH,
            "chain ends at "
                + Names.shorten(path.last().subjectName())
                + ", which is not a trusted root");
      }
    } else if (end instanceof CertificatePath.MissingIssuer missing) {
      verdict.fail(
          TrustError.INCOMPLETE_CHAIN,
          Severity.HIGH,
          "chain is incomplete: the issuer of "
              + Names.shorten(path.last().subjectName())
              + ", "
              + Names.shorten(missing.issuer().getName(X500Principal.RFC2253))
              + ", was not sent and is not a trusted root");
    } else if (end instanceof CertificatePath.Broken broken) {
      verdict.fail(TrustError.INVALID_CHAIN, Severity.HIGH, broken.reason());
    }
  }
}
