package io.tlsscan.probe;

import io.tlsscan.model.ProbeOutcome;

/**
 * A probe that derives its result without a connection, from the handshake and the results of the
 * probes it requires, once the network probes are done; it may require other after-probes, a
 * network probe may not require it. Being a pure function of its context, it is tested without a
 * server.
 *
 * @param <R> the result type
 */
public non-sealed interface AfterProbe<R> extends Probe<R> {

  /**
   * The result, or why there is none: {@link ProbeOutcome#failed failed} puts the probe in {@code
   * probe_errors}, {@link ProbeOutcome#notRun() not run} leaves no trace.
   */
  ProbeOutcome<R> derive(AfterProbeContext context);
}
