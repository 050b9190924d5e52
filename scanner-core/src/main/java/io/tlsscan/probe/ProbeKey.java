package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

/**
 * A typed handle on a probe's result, for the probes that read it: {@code
 * context.result(ProtocolsProbe.KEY)} is a {@code ProtocolsResult}.
 *
 * @param id the probe whose result this is
 * @param <R> the probe's result type
 */
public record ProbeKey<R>(ProbeId id) {
  public ProbeKey {
    requireNonNull(id, "id");
  }
}
