package io.tlsscan.policy;

import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default judgement of a target, without a policy file: every certificate problem the analysis
 * found, deprecated protocol versions (RFC 8996) in the negotiated handshake, and a handshake that
 * settled on an older version than the raw probes saw the server accept.
 */
public final class BaselinePolicy {
  /** The name findings of this policy carry. */
  public static final String NAME = "baseline";

  private static final Map<String, String> DEPRECATED_PROTOCOLS =
      Map.of(
          "SSLv2", "SSLv2 is broken (RFC 6176)",
          "SSLv3", "SSLv3 is broken (RFC 7568)",
          "TLSv1.0", "TLSv1.0 is deprecated (RFC 8996)",
          "TLSv1.1", "TLSv1.1 is deprecated (RFC 8996)");

  /** Whether {@code protocol} (a report name such as {@code TLSv1.0}) is broken or deprecated. */
  public static boolean isDeprecated(String protocol) {
    return DEPRECATED_PROTOCOLS.containsKey(protocol);
  }

  /** The findings for {@code report}, most severe first. */
  public List<Finding> evaluate(HostReport report) {
    List<Finding> findings = new ArrayList<>();
    CertificateReport certificate = report.certificate().resultOrNull();
    if (certificate != null) {
      for (CertificateIssue issue : certificate.issues()) {
        findings.add(new Finding(issue.id(), issue.severity(), issue.message(), NAME));
      }
    }
    Handshake handshake = report.handshake().resultOrNull();
    if (handshake != null) {
      String why = DEPRECATED_PROTOCOLS.get(handshake.protocol());
      if (why != null) {
        findings.add(
            new Finding(
                "protocol.deprecated",
                Severity.HIGH,
                "negotiated " + handshake.protocol() + ": " + why,
                NAME));
      }
      newestAcceptedAbove(handshake.protocol(), report.protocols().resultOrNull())
          .ifPresent(
              newest ->
                  findings.add(
                      new Finding(
                          "handshake.version_fallback",
                          Severity.LOW,
                          "the handshake ("
                              + handshake.source()
                              + ") negotiated "
                              + handshake.protocol()
                              + " although the server accepts "
                              + newest
                              + " (raw probes)",
                          NAME)));
      if (handshake.clientCertificateRequested()) {
        findings.add(
            new Finding(
                "handshake.client_certificate_requested",
                Severity.INFO,
                "server asks for a client certificate",
                NAME));
      }
    }
    SessionReport session = report.session().resultOrNull();
    if (session != null && session.ocsp() != null) {
      staple(session.ocsp(), findings);
    }
    findings.sort((a, b) -> b.severity().compareTo(a.severity()));
    return findings;
  }

  private static void staple(OcspStaple staple, List<Finding> findings) {
    if (staple.status().equals(OcspStaple.REVOKED)) {
      findings.add(
          new Finding(
              "ocsp.revoked",
              Severity.CRITICAL,
              "the stapled OCSP response says the certificate was revoked at "
                  + staple.revokedAt(),
              NAME));
    } else if (staple.status().equals(OcspStaple.INVALID)) {
      findings.add(
          new Finding(
              "ocsp.invalid", Severity.HIGH, "stapled OCSP response: " + staple.problem(), NAME));
    }
    if (staple.stale()) {
      findings.add(
          new Finding(
              "ocsp.stale",
              Severity.MEDIUM,
              "the stapled OCSP response's next_update (" + staple.nextUpdate() + ") has passed",
              NAME));
    }
  }

  /** The newest version {@code protocols} shows accepted, if it is newer than {@code negotiated}. */
  private static Optional<String> newestAcceptedAbove(
      String negotiated, ProtocolSupport protocols) {
    if (protocols == null) {
      return Optional.empty();
    }
    List<String> versions = List.copyOf(protocols.accepted().keySet());
    int position = versions.indexOf(negotiated);
    for (int i = versions.size() - 1; i > position && position >= 0; i--) {
      if (protocols.accepts(versions.get(i))) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }
}
