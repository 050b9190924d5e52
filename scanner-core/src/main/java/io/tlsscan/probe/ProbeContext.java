package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.ProbeTarget;

/**
 * What a {@link NetworkProbe} works with for one target.
 *
 * @param target where to connect, the SNI name, and the target's connection count and limit
 * @param handshake the target's full handshake (completed, or failed in a way only a TLS server
 *     fails), with the chain and the stapled OCSP response it brought
 * @param results the results of the probes it requires
 */
public record ProbeContext(ProbeTarget target, HandshakeResult handshake, ProbeResults results) {
  public ProbeContext {
    requireNonNull(target, "target");
    requireNonNull(handshake, "handshake");
    requireNonNull(results, "results");
  }

  /** The result of a required probe, e.g. {@code result(ProtocolsProbe.KEY)}. */
  public <R> R result(ProbeKey<R> key) {
    return results.result(key);
  }
}
