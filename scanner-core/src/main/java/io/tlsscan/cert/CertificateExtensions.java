package io.tlsscan.cert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * The extensions that path validation acts on, read once per certificate, and the ways the
 * certificate breaks RFC 5280's rules for encoding them.
 *
 * @param unknownCritical critical extensions this validator does not process (OIDs): a path
 *     through such a certificate is rejected (RFC 5280 section 4.2)
 * @param flaws broken encoding or criticality rules that browsers enforce too, for people
 * @param extendedKeyUsage the extKeyUsage purposes (OIDs), or empty when the extension is absent
 * @param nameConstraints the nameConstraints extension, or empty
 * @param policies the certificatePolicies OIDs, or empty when the extension is absent
 * @param requireExplicitPolicy policyConstraints' requireExplicitPolicy skip count, or -1
 * @param hasAuthorityKeyId whether an authorityKeyIdentifier with a key identifier is present
 * @param hasSubjectKeyId whether a subjectKeyIdentifier is present
 * @param basicConstraintsCritical whether basicConstraints is present and marked critical
 */
record CertificateExtensions(
    Set<String> unknownCritical,
    List<String> flaws,
    Optional<Set<String>> extendedKeyUsage,
    Optional<NameConstraints> nameConstraints,
    Optional<Set<String>> policies,
    int requireExplicitPolicy,
    boolean hasAuthorityKeyId,
    boolean hasSubjectKeyId,
    boolean basicConstraintsCritical) {

  /** id-kp-serverAuth, RFC 5280 section 4.2.1.12. */
  static final String SERVER_AUTH = KeyPurposeId.id_kp_serverAuth.getId();

  /** anyExtendedKeyUsage, RFC 5280 section 4.2.1.12. */
  static final String ANY_PURPOSE = KeyPurposeId.anyExtendedKeyUsage.getId();

  /** anyPolicy, RFC 5280 section 4.2.1.4. */
  static final String ANY_POLICY = "2.5.29.32.0";

  /** Extensions understood well enough that being critical does not stop validation. */
  private static final Set<String> PROCESSED =
      Set.of(
          Extension.basicConstraints.getId(),
          Extension.keyUsage.getId(),
          Extension.extendedKeyUsage.getId(),
          Extension.subjectAlternativeName.getId(),
          Extension.nameConstraints.getId(),
          Extension.certificatePolicies.getId(),
          Extension.policyConstraints.getId(),
          Extension.policyMappings.getId(),
          Extension.inhibitAnyPolicy.getId());

  /** Extensions RFC 5280 says conforming CAs must not mark critical, with the section. */
  private static final Map<String, String> NEVER_CRITICAL =
      Map.of(
          Extension.authorityKeyIdentifier.getId(), "authorityKeyIdentifier (section 4.2.1.1)",
          Extension.subjectKeyIdentifier.getId(), "subjectKeyIdentifier (section 4.2.1.2)",
          Extension.authorityInfoAccess.getId(), "authorityInfoAccess (section 4.2.2.1)");

  CertificateExtensions {
    unknownCritical = Set.copyOf(unknownCritical);
    flaws = List.copyOf(flaws);
  }

  /**
   * Reads the extensions of a certificate the JDK has already parsed. A malformed extension is a
   * flaw, never an exception.
   */
  static CertificateExtensions read(Certificate certificate, boolean subjectEmpty) {
    Reader reader = new Reader(subjectEmpty);
    Extensions extensions;
    try {
      extensions = certificate.getTBSCertificate().getExtensions();
      if (!certificate.getSignatureAlgorithm().equals(certificate.getTBSCertificate().getSignature())) {
        reader.flaws.add(
            "the signature algorithm inside the signed part differs from the one outside"
                + " (RFC 5280 section 4.1.1.2)");
      }
    } catch (RuntimeException e) {
      reader.flaws.add("extensions cannot be decoded");
      return reader.result();
    }
    if (extensions != null) {
      for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
        reader.read(extensions.getExtension(oid));
      }
    }
    return reader.result();
  }

  /** Whether the extKeyUsage, if present, allows a TLS server (serverAuth or any purpose). */
  boolean allowsServerAuth() {
    return extendedKeyUsage
        .map(purposes -> purposes.contains(SERVER_AUTH) || purposes.contains(ANY_PURPOSE))
        .orElse(true);
  }

  /** Collects the facts of one certificate's extensions, one extension at a time. */
  private static final class Reader {
    private final boolean subjectEmpty;
    private final Set<String> unknownCritical = new HashSet<>();
    private final List<String> flaws = new ArrayList<>();
    private Set<String> extendedKeyUsage;
    private NameConstraints nameConstraints;
    private Set<String> policies;
    private int requireExplicitPolicy = -1;
    private boolean hasAuthorityKeyId;
    private boolean hasSubjectKeyId;
    private boolean hasSubjectAltName;
    private boolean basicConstraintsCritical;

    Reader(boolean subjectEmpty) {
      this.subjectEmpty = subjectEmpty;
    }

    void read(Extension extension) {
      String oid = extension.getExtnId().getId();
      boolean critical = extension.isCritical();
      if (critical && NEVER_CRITICAL.containsKey(oid)) {
        flaws.add(NEVER_CRITICAL.get(oid) + " is marked critical, which RFC 5280 forbids");
      } else if (critical && !PROCESSED.contains(oid)) {
        unknownCritical.add(oid);
      }
      try {
        decode(oid, critical, extension);
      } catch (RuntimeException malformed) {
        flaws.add("extension " + oid + " cannot be decoded");
      }
    }

    private void decode(String oid, boolean critical, Extension extension) {
      if (oid.equals(Extension.extendedKeyUsage.getId())) {
        extendedKeyUsage = new HashSet<>();
        for (KeyPurposeId purpose :
            ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages()) {
          extendedKeyUsage.add(purpose.getId());
        }
        if (extendedKeyUsage.isEmpty()) {
          flaws.add("extKeyUsage is empty (RFC 5280 section 4.2.1.12)");
        }
      } else if (oid.equals(Extension.nameConstraints.getId())) {
        nameConstraints = NameConstraints.getInstance(extension.getParsedValue());
        NameConstraintSyntax.flaws(nameConstraints).forEach(flaws::add);
      } else if (oid.equals(Extension.basicConstraints.getId())) {
        BasicConstraints.getInstance(extension.getParsedValue());
        basicConstraintsCritical = critical;
      } else if (oid.equals(Extension.keyUsage.getId())) {
        if (allZero(KeyUsage.getInstance(extension.getParsedValue()).getBytes())) {
          flaws.add("keyUsage has no bit set (RFC 5280 section 4.2.1.3)");
        }
      } else if (oid.equals(Extension.authorityInfoAccess.getId())) {
        AuthorityInformationAccess.getInstance(extension.getParsedValue());
      } else if (oid.equals(Extension.cRLDistributionPoints.getId())) {
        CRLDistPoint.getInstance(extension.getParsedValue());
      } else if (oid.equals(Extension.certificatePolicies.getId())) {
        policies = new HashSet<>();
        for (PolicyInformation policy :
            CertificatePolicies.getInstance(extension.getParsedValue()).getPolicyInformation()) {
          if (!policies.add(policy.getPolicyIdentifier().getId())) {
            flaws.add("certificatePolicies names a policy twice (RFC 5280 section 4.2.1.4)");
          }
        }
      } else if (oid.equals(Extension.policyConstraints.getId())) {
        PolicyConstraints constraints = PolicyConstraints.getInstance(extension.getParsedValue());
        if (!critical) {
          flaws.add("policyConstraints is not marked critical (RFC 5280 section 4.2.1.11)");
        }
        if (constraints.getRequireExplicitPolicyMapping() == null
            && constraints.getInhibitPolicyMapping() == null) {
          flaws.add("policyConstraints is empty (RFC 5280 section 4.2.1.11)");
        }
        if (constraints.getRequireExplicitPolicyMapping() != null) {
          requireExplicitPolicy = constraints.getRequireExplicitPolicyMapping().intValueExact();
        }
      } else if (oid.equals(Extension.authorityKeyIdentifier.getId())) {
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(extension.getParsedValue());
        hasAuthorityKeyId = aki.getKeyIdentifierObject() != null;
        if ((aki.getAuthorityCertIssuer() == null) != (aki.getAuthorityCertSerialNumber() == null)) {
          flaws.add(
              "authorityKeyIdentifier has an issuer name without a serial number or the reverse"
                  + " (RFC 5280 section 4.2.1.1)");
        }
      } else if (oid.equals(Extension.subjectKeyIdentifier.getId())) {
        SubjectKeyIdentifier.getInstance(extension.getParsedValue());
        hasSubjectKeyId = true;
      } else if (oid.equals(Extension.subjectAlternativeName.getId())) {
        hasSubjectAltName = true;
        if (GeneralNames.getInstance(extension.getParsedValue()).getNames().length == 0) {
          flaws.add("subjectAltName is empty (RFC 5280 section 4.2.1.6)");
        }
        if (subjectEmpty != critical) {
          flaws.add(
              subjectEmpty
                  ? "subjectAltName is not critical although the subject is empty"
                      + " (RFC 5280 section 4.2.1.6)"
                  : "subjectAltName is critical although the subject is not empty"
                      + " (Baseline Requirements 7.1.2.7.12)");
        }
      }
    }

    CertificateExtensions result() {
      if (subjectEmpty && !hasSubjectAltName) {
        flaws.add("subject is empty and there is no subjectAltName (RFC 5280 section 4.1.2.6)");
      }
      return new CertificateExtensions(
          unknownCritical,
          flaws,
          Optional.ofNullable(extendedKeyUsage).map(Set::copyOf),
          Optional.ofNullable(nameConstraints),
          Optional.ofNullable(policies).map(Set::copyOf),
          requireExplicitPolicy,
          hasAuthorityKeyId,
          hasSubjectKeyId,
          basicConstraintsCritical);
    }

    private static boolean allZero(byte[] bits) {
      for (byte b : bits) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }
  }
}
