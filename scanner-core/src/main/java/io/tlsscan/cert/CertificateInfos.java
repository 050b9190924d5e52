package io.tlsscan.cert;

import io.tlsscan.model.CertificateInfo;
import java.time.Instant;
import java.util.List;

/** Turns a parsed certificate into the report's {@link CertificateInfo}. */
final class CertificateInfos {
  /** Most subjectAltName entries kept per certificate in the report. */
  static final int MAX_SANS = 1000;

  private CertificateInfos() {}

  static CertificateInfo describe(ParsedCertificate certificate, Instant now, boolean selfSigned) {
    Instant notBefore = certificate.certificate().getNotBefore().toInstant();
    Instant notAfter = certificate.certificate().getNotAfter().toInstant();
    List<String> names = certificate.subjectAltNames().displayed();
    boolean truncated = names.size() > MAX_SANS;
    return new CertificateInfo(
        certificate.subjectName(),
        certificate.issuerName(),
        certificate.certificate().getSerialNumber().toString(16),
        notBefore,
        notAfter,
        Days.between(now, notAfter),
        certificate.key(),
        certificate.certificate().getSigAlgName(),
        truncated ? names.subList(0, MAX_SANS) : names,
        truncated,
        certificate.sha256(),
        selfSigned,
        certificate.ca());
  }
}
