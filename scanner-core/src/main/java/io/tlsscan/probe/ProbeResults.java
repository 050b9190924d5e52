package io.tlsscan.probe;

import java.util.Map;

/**
 * The completed results a probe may read: those of the probes it requires, and no others. Made by
 * the scan for each probe it starts.
 */
public final class ProbeResults {
  private static final int PROBES = ProbeId.values().length;

  /** No results: for a probe that requires none. */
  public static final ProbeResults NONE = new ProbeResults(new Object[PROBES]);

  private final Object[] byProbe;

  private ProbeResults(Object[] byProbe) {
    this.byProbe = byProbe;
  }

  /** The results of {@code results}, each the result of the probe it is keyed by. */
  public static ProbeResults of(Map<ProbeId, ?> results) {
    Object[] byProbe = new Object[PROBES];
    results.forEach((id, result) -> byProbe[id.ordinal()] = result);
    return new ProbeResults(byProbe);
  }

  /**
   * The result of the probe {@code key} names.
   *
   * @throws IllegalStateException when that probe is not one the reader requires
   */
  @SuppressWarnings("unchecked") // each result is keyed by the probe that gave it
  public <R> R result(ProbeKey<R> key) {
    Object result = byProbe[key.id().ordinal()];
    if (result == null) {
      throw new IllegalStateException(
          "no " + key.id().cliName() + " result here: a probe reads only what it requires");
    }
    return (R) result;
  }
}
