package io.tlsscan.probe;

import io.tlsscan.target.Target;
import reactor.core.publisher.Mono;

/**
 * A probe that asks the server. It runs only when the server speaks TLS (the full handshake
 * completed, or failed in a way only a TLS server fails), after the probes it requires completed.
 *
 * @param <R> the result type
 */
public non-sealed interface NetworkProbe<R> extends Probe<R> {

  /**
   * Asks the server, at most {@code context.target().parallelism()} connections at a time, each
   * through {@code context.target()} so that it is counted and waits its turn among the target's
   * connections. The scan cuts the Mono off at the target's deadline and cancels it when the scan
   * stops; any error becomes the probe's entry in {@code probe_errors}.
   *
   * @return exactly one result
   */
  Mono<R> run(ProbeContext context);

  /**
   * Whether this probe starts only once every other network probe of the scan has finished: for a
   * probe that may hold its connection open for long (waiting for an answer a server may never
   * give), which would stall the others' connections to a server that serves one connection at a
   * time. No by default.
   */
  default boolean runsLast() {
    return false;
  }

  /**
   * Whether the probe has a question for {@code target}. One that has not (an HTTP request to a
   * DTLS server) is left out of that target's scan, with the probes that require it: no section, no
   * entry in {@code probe_errors}. Every target by default.
   */
  default boolean appliesTo(Target target) {
    return true;
  }
}
