package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Everything learned about one target: exactly one of these is produced per target, in success or
 * failure. Its JSON form is the report contract of {@code DESIGN.md}.
 *
 * @param target what was asked for and what was scanned
 * @param error why the target could not be scanned, or {@code null} when the handshake completed
 * @param startedAt when the scan of this target began
 * @param durationMs wall time spent on this target
 * @param connections TCP connections made to this target
 * @param handshake the negotiated parameters of the full handshake
 * @param certificate the certificate chain and its verdict
 * @param protocols which protocol versions the server accepts
 * @param ciphers which cipher suites it accepts per version, and whether it enforces its order
 * @param groups the key-exchange groups it accepts, in its order of preference
 * @param findings judgements against the policy
 */
public record HostReport(
    TargetInfo target,
    ScanError error,
    Instant startedAt,
    long durationMs,
    int connections,
    ProbeOutcome<Handshake> handshake,
    ProbeOutcome<CertificateReport> certificate,
    ProbeOutcome<ProtocolSupport> protocols,
    ProbeOutcome<CipherSupport> ciphers,
    ProbeOutcome<List<String>> groups,
    List<Finding> findings) {
  public HostReport {
    requireNonNull(target, "target");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(handshake, "handshake");
    requireNonNull(certificate, "certificate");
    requireNonNull(protocols, "protocols");
    requireNonNull(ciphers, "ciphers");
    requireNonNull(groups, "groups");
    findings = List.copyOf(findings);
  }

  /**
   * A record for a target that ended before any probe gave a result.
   *
   * @param error why
   */
  public static HostReport failed(
      TargetInfo target, ScanError error, Instant startedAt, long durationMs, int connections) {
    return new HostReport(
        target,
        requireNonNull(error, "error"),
        startedAt,
        durationMs,
        connections,
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /** {@code ok} when a TLS handshake completed, else {@code error}. */
  public boolean ok() {
    return error == null;
  }

  /** A copy with the findings replaced. */
  public HostReport withFindings(List<Finding> newFindings) {
    return new HostReport(
        target,
        error,
        startedAt,
        durationMs,
        connections,
        handshake,
        certificate,
        protocols,
        ciphers,
        groups,
        newFindings);
  }
}
