package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Handshake;
import java.util.List;
import java.util.Optional;

/**
 * What an {@link AfterProbe} derives from for one target: the handshake as the record reports it
 * (BoringSSL's, or for a server it cannot talk to, a raw hello's) and the results of the probes it
 * requires.
 *
 * @param host the name the certificate is checked against
 * @param handshake the negotiated parameters; empty when no handshake completed (the record is an
 *     error)
 * @param chain the DER certificates the server sent, in order; empty when none arrived
 * @param results the results of the probes it requires
 */
public record AfterProbeContext(
    String host, Optional<Handshake> handshake, List<byte[]> chain, ProbeResults results) {
  public AfterProbeContext {
    requireNonNull(host, "host");
    requireNonNull(handshake, "handshake");
    requireNonNull(chain, "chain");
    requireNonNull(results, "results");
  }

  /** The result of a required probe, e.g. {@code result(CiphersProbe.KEY)}. */
  public <R> R result(ProbeKey<R> key) {
    return results.result(key);
  }
}
