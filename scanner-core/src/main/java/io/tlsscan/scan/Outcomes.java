package io.tlsscan.scan;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.ProbeResults;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What became of each probe of one target so far; a probe not (yet) run is not run. Each probe's
 * slot is written once, by whoever finished it, before its dependents are told.
 */
final class Outcomes {
  private static final ProbeId[] PROBES = ProbeId.values();

  private final ProbeOutcome<?>[] byProbe = new ProbeOutcome<?>[PROBES.length];

  void put(ProbeId probe, ProbeOutcome<?> outcome) {
    byProbe[probe.ordinal()] = outcome;
  }

  ProbeOutcome<?> get(ProbeId probe) {
    ProbeOutcome<?> outcome = byProbe[probe.ordinal()];
    return outcome == null ? ProbeOutcome.notRun() : outcome;
  }

  @SuppressWarnings("unchecked") // each slot holds the outcome of the probe it belongs to
  <R> ProbeOutcome<R> get(ProbeKey<R> key) {
    return (ProbeOutcome<R>) get(key.id());
  }

  /**
   * Why a probe that requires {@code inputs} cannot run: the first failed input makes it fail with
   * "not run: the ... probe failed"; an input that did not run leaves it not run. {@code null} when
   * every input completed. Inputs are looked at in {@link ProbeId} order.
   */
  <R> ProbeOutcome<R> blocked(Set<ProbeId> inputs) {
    ProbeOutcome<R> blocked = null;
    for (ProbeId input : PROBES) {
      if (!inputs.contains(input)) {
        continue;
      }
      ProbeOutcome<?> outcome = get(input);
      if (outcome instanceof ProbeOutcome.Failed<?>) {
        return ProbeOutcome.failed(
            ErrorKind.HANDSHAKE_FAILED, "not run: the " + input.cliName() + " probe failed");
      }
      if (outcome instanceof ProbeOutcome.NotRun<?>) {
        blocked = ProbeOutcome.notRun();
      }
    }
    return blocked;
  }

  /** The results of {@code inputs}, every one of which completed. */
  ProbeResults results(Set<ProbeId> inputs) {
    if (inputs.isEmpty()) {
      return ProbeResults.NONE;
    }
    Map<ProbeId, Object> results = new EnumMap<>(ProbeId.class);
    inputs.forEach(input -> results.put(input, get(input).resultOrNull()));
    return ProbeResults.of(results);
  }
}
