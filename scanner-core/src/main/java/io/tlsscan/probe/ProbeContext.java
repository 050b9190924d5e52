package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.raw.ProbeTarget;

/**
 * What a {@link NetworkProbe} works with for one target.
 *
 * @param target where to connect, the SNI name, and the target's connection count and limit
 * @param results the results of the probes it requires
 */
public record ProbeContext(ProbeTarget target, ProbeResults results) {
  public ProbeContext {
    requireNonNull(target, "target");
    requireNonNull(results, "results");
  }

  /** The result of a required probe, e.g. {@code result(ProtocolsProbe.KEY)}. */
  public <R> R result(ProbeKey<R> key) {
    return results.result(key);
  }
}
