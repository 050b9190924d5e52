package io.tlsscan.probe;

import java.util.Set;

/**
 * One thing a scan can find out about a target, named on the command line by its {@link ProbeId}. A
 * probe declares the results it needs ({@link #requires()}) and the record section it fills ({@link
 * #fills()}); the scan runs the probes that were asked for and those they require, independent ones
 * side by side and each once its inputs are there. A probe whose input failed is not run and is
 * listed in {@code probe_errors} instead.
 *
 * <p>Two kinds: a {@link NetworkProbe} asks the server; an {@link AfterProbe} derives its result
 * from the handshake and other probes' results without a connection. Probes are registered in one
 * place, {@code io.tlsscan.scan.Probes}; one instance serves a whole scan, so they keep no state of
 * a target.
 *
 * @param <R> the result type
 */
public sealed interface Probe<R> permits NetworkProbe, AfterProbe {

  /** Which probe this is, typed by its result. */
  ProbeKey<R> key();

  /** The probes whose results this one reads through its context; none by default. */
  default Set<ProbeId> requires() {
    return Set.of();
  }

  /** The record section this probe fills. */
  SectionFill<R, ?> fills();
}
