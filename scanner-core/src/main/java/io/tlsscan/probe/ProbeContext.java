package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.ProbeTarget;
import java.util.Set;

/**
 * What a {@link NetworkProbe} works with for one target.
 *
 * @param target where to connect, the SNI name, and the target's connection count and limit
 * @param handshake the target's full handshake (completed, or failed in a way only a TLS server
 *     fails), with the chain and the stapled OCSP response it brought
 * @param results the results of the probes it requires
 * @param scanned the network probes the target's scan runs, so that probes can share exchanges that
 *     answer questions of several of them
 */
public record ProbeContext(
    ProbeTarget target, HandshakeResult handshake, ProbeResults results, Set<ProbeId> scanned) {
  public ProbeContext {
    requireNonNull(target, "target");
    requireNonNull(handshake, "handshake");
    requireNonNull(results, "results");
    scanned = Set.copyOf(scanned);
  }

  /** The context of a probe that runs without other network probes. */
  public ProbeContext(ProbeTarget target, HandshakeResult handshake, ProbeResults results) {
    this(target, handshake, results, Set.of());
  }

  /** The result of a required probe, e.g. {@code result(ProtocolsProbe.KEY)}. */
  public <R> R result(ProbeKey<R> key) {
    return results.result(key);
  }

  /** Whether the target's scan runs {@code probe}. */
  public boolean scans(ProbeId probe) {
    return scanned.contains(probe);
  }
}
