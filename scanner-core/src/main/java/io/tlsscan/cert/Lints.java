package io.tlsscan.cert;

import io.tlsscan.model.Severity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Breaches of the CA/Browser Forum Baseline Requirements that browsers tolerate: findings {@code
 * cert.lint.*} of low or medium severity, never trust errors.
 *
 * <ul>
 *   <li>{@code cert.lint.cn_not_in_san}: a leaf's common name is not a character-for-character
 *       copy of one of its subjectAltNames, IP addresses written as RFC 5952 asks (BR 7.1.4.3);
 *   <li>{@code cert.lint.serial_number}: a serial number that is not positive or longer than 20
 *       octets (RFC 5280 section 4.1.2.2);
 *   <li>{@code cert.lint.missing_aki}: no authority key identifier on a certificate that is not
 *       self-signed (RFC 5280 section 4.2.1.1);
 *   <li>{@code cert.lint.missing_ski}: no subject key identifier on a CA certificate (section
 *       4.2.1.2);
 *   <li>{@code cert.lint.underscore}: a DNS name with an underscore (BR 7.1.4.2.1);
 *   <li>{@code cert.lint.basic_constraints_not_critical}: a CA whose basicConstraints is not
 *       critical (RFC 5280 section 4.2.1.9; some roots browsers trust have it).
 * </ul>
 */
final class Lints {
  private static final int MAX_SERIAL_OCTETS = 20;

  private Lints() {}

  /** Lints every certificate of the chosen path, its trust anchor included. */
  static void check(CertificatePath path, SignatureVerifier verifier, Verdict verdict) {
    for (ParsedCertificate certificate : path.certificates()) {
      String name = Names.shorten(certificate.subjectName());
      BigInteger serial = certificate.certificate().getSerialNumber();
      if (serial.signum() <= 0 || serial.toByteArray().length > MAX_SERIAL_OCTETS) {
        verdict.note(
            "cert.lint.serial_number",
            Severity.MEDIUM,
            name
                + " has serial number "
                + serial.toString(16)
                + ", not a positive number of at most 20 octets (RFC 5280 section 4.1.2.2)");
      }
      CertificateExtensions extensions = certificate.extensions();
      if (!extensions.hasAuthorityKeyId() && !verifier.selfSigned(certificate)) {
        verdict.note(
            "cert.lint.missing_aki",
            Severity.LOW,
            name + " has no authority key identifier (RFC 5280 section 4.2.1.1)");
      }
      if (certificate.ca() && !extensions.hasSubjectKeyId()) {
        verdict.note(
            "cert.lint.missing_ski",
            Severity.LOW,
            name + " is a CA without a subject key identifier (RFC 5280 section 4.2.1.2)");
      }
      if (certificate.ca() && !extensions.basicConstraintsCritical()) {
        verdict.note(
            "cert.lint.basic_constraints_not_critical",
            Severity.LOW,
            name + " is a CA whose basicConstraints is not critical (RFC 5280 section 4.2.1.9)");
      }
      for (String dnsName : certificate.subjectAltNames().dnsNames()) {
        if (dnsName.indexOf('_') >= 0) {
          verdict.note(
              "cert.lint.underscore",
              Severity.LOW,
              name
                  + " names "
                  + Names.shorten(dnsName)
                  + ", a DNS name with an underscore (Baseline Requirements 7.1.4.2.1)");
          break;
        }
      }
    }
    commonNamesNotInSan(path.leaf(), verdict);
  }

  private static void commonNamesNotInSan(ParsedCertificate leaf, Verdict verdict) {
    SubjectAltNames names = leaf.subjectAltNames();
    if (!names.present()) {
      return;
    }
    for (String commonName : commonNames(leaf)) {
      if (!names.displayed().contains(commonName)) {
        verdict.note(
            "cert.lint.cn_not_in_san",
            Severity.MEDIUM,
            "certificate's common name "
                + Names.shorten(commonName)
                + " is not among its subjectAltNames (Baseline Requirements 7.1.4.3)");
        return;
      }
    }
  }

  private static List<String> commonNames(ParsedCertificate certificate) {
    List<String> values = new ArrayList<>();
    try {
      for (RDN rdn : X500Name.getInstance(certificate.subject().getEncoded()).getRDNs()) {
        for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
          ASN1Encodable value = attribute.getValue();
          if (attribute.getType().equals(BCStyle.CN) && value instanceof ASN1String text) {
            values.add(text.getString());
          }
        }
      }
    } catch (RuntimeException malformed) {
      return List.of();
    }
    return values;
  }
}
