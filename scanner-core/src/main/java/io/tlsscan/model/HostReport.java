package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything learned about one target: exactly one of these is produced per target, in success or
 * failure. Its JSON form is the report contract of {@code DESIGN.md}.
 *
 * <p>What the probes found sits in {@link #sections()}, one outcome per {@link Section}; a section
 * that is not there was not run. The sections of tlsscan's own probes are the constants of this
 * class, each with its typed accessor, e.g. {@link #ciphers()}.
 *
 * @param target what was asked for and what was scanned
 * @param error why the target could not be scanned, or {@code null} when the handshake completed
 * @param startedAt when the scan of this target began
 * @param durationMs wall time spent on this target
 * @param connections TCP connections made to this target
 * @param sections the outcome of each section's probe that ran; each outcome's result is of its
 *     section's type
 * @param findings judgements against the policy
 */
public record HostReport(
    TargetInfo target,
    ScanError error,
    Instant startedAt,
    long durationMs,
    int connections,
    Map<Section<?>, ProbeOutcome<?>> sections,
    List<Finding> findings) {
  /** The negotiated parameters of the full handshake (or of a raw hello). */
  public static final Section<Handshake> HANDSHAKE = new Section<>("handshake");

  /** The certificate chain and its verdict. */
  public static final Section<CertificateReport> CERTIFICATE = new Section<>("certificate");

  /** Which protocol versions the server accepts. */
  public static final Section<ProtocolSupport> PROTOCOLS = new Section<>("protocols");

  /** Which cipher suites it accepts per version, and whether it enforces its order. */
  public static final Section<CipherSupport> CIPHERS = new Section<>("ciphers");

  /** The key-exchange groups it accepts, in its order of preference. */
  public static final Section<List<String>> GROUPS = new Section<>("groups");

  /** What the server keeps and sends besides the certificate: OCSP staple, SCTs. */
  public static final Section<SessionReport> SESSION = new Section<>("session");

  public HostReport {
    requireNonNull(target, "target");
    requireNonNull(startedAt, "startedAt");
    sections = Map.copyOf(sections);
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
        Map.of(),
        List.of());
  }

  /** {@code ok} when a TLS handshake completed, else {@code error}. */
  public boolean ok() {
    return error == null;
  }

  /** The outcome of {@code section}'s probe; not run when the record has no such section. */
  @SuppressWarnings("unchecked") // the constructor's contract: outcomes match their sections
  public <S> ProbeOutcome<S> section(Section<S> section) {
    ProbeOutcome<?> outcome = sections.get(section);
    return outcome == null ? ProbeOutcome.notRun() : (ProbeOutcome<S>) outcome;
  }

  public ProbeOutcome<Handshake> handshake() {
    return section(HANDSHAKE);
  }

  public ProbeOutcome<CertificateReport> certificate() {
    return section(CERTIFICATE);
  }

  public ProbeOutcome<ProtocolSupport> protocols() {
    return section(PROTOCOLS);
  }

  public ProbeOutcome<CipherSupport> ciphers() {
    return section(CIPHERS);
  }

  public ProbeOutcome<List<String>> groups() {
    return section(GROUPS);
  }

  public ProbeOutcome<SessionReport> session() {
    return section(SESSION);
  }

  /** A copy with the findings replaced. */
  public HostReport withFindings(List<Finding> newFindings) {
    return new HostReport(target, error, startedAt, durationMs, connections, sections, newFindings);
  }
}
