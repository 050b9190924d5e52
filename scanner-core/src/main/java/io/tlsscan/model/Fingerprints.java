package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The report's {@code fingerprints} section: what identifies the server's TLS stack and its
 * configuration.
 *
 * @param jarm the JARM fingerprint (62 hex digits; all zeros when the server answered none of the
 *     ten hellos)
 * @param jarmAnswers the ten answers JARM hashes, {@code cipher|version|alpn|extensions} each,
 *     {@code |||} for a hello without a ServerHello in answer
 * @param ja3s the JA3S fingerprint (32 hex digits) of the full handshake's ServerHello, else of the
 *     ServerHello to the typical hello; {@code null} when the server did not answer that with one
 * @param ja4s the JA4S fingerprint, or {@code null} likewise
 * @param serverHelloUnknown why {@code ja3s} and {@code ja4s} are {@code null}; {@code null} when
 *     they are known
 */
public record Fingerprints(
    String jarm,
    List<String> jarmAnswers,
    String ja3s,
    String ja4s,
    ProbeOutcome.Failed<Void> serverHelloUnknown) {
  public Fingerprints {
    requireNonNull(jarm, "jarm");
    jarmAnswers = List.copyOf(jarmAnswers);
  }
}
