package io.tlsscan.scan;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.HostConnectionLimit;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.SharedAnswers;
import io.tlsscan.scan.ProbePlan.Step;
import io.tlsscan.target.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a plan's network probes for one target: all are started at once, and each asks the server as
 * soon as the probes it requires are done, so independent probes run side by side; a probe that
 * {@linkplain NetworkProbe#runsLast runs last} waits for all the others. Their connections share
 * the target's {@link HostConnectionLimit}, ranked in plan order: a probe planned later takes the
 * slots an earlier one leaves idle. A probe gets what is left of the target's deadline; one that
 * fails or is cut short becomes its failure, and a probe whose input failed is not run. The result
 * never fails; cancelling it cancels the probes and closes their connections.
 */
final class ProbeGraph {
  private final Duration timeout;
  private final int perHostConnections;

  /**
   * @param timeout the per-target deadline, named in the message of a probe it cuts short
   * @param perHostConnections connections to the target open at once
   */
  ProbeGraph(Duration timeout, int perHostConnections) {
    this.timeout = timeout;
    this.perHostConnections = perHostConnections;
  }

  /**
   * The outcome of every step of {@code network}, asked at {@code endpoint} over {@code transport},
   * after {@code handshake}. The scan's phase becomes the first probe's name, e.g. {@code
   * protocols}.
   */
  Mono<Outcomes> run(
      List<Step> network,
      Endpoint endpoint,
      Transport transport,
      HandshakeResult handshake,
      TargetProgress progress) {
    HostConnectionLimit limit = new HostConnectionLimit(progress, perHostConnections);
    Outcomes outcomes = new Outcomes();
    Map<ProbeId, Sinks.Empty<Void>> done = new EnumMap<>(ProbeId.class);
    List<Mono<Void>> others = new ArrayList<>();
    for (Step step : network) {
      Sinks.Empty<Void> finished = Sinks.empty();
      done.put(step.id(), finished);
      if (!runsLast(step)) {
        others.add(finished.asMono());
      }
    }
    SharedAnswers shared = new SharedAnswers();
    Set<ProbeId> scanned = Set.copyOf(done.keySet());
    List<Mono<Void>> nodes = new ArrayList<>(network.size());
    for (int rank = 0; rank < network.size(); rank++) {
      Step step = network.get(rank);
      ProbeTarget target =
          new ProbeTarget(endpoint, limit.tracker(rank), perHostConnections, transport, shared);
      Sinks.Empty<Void> finished = done.get(step.id());
      List<Mono<Void>> inputs = new ArrayList<>();
      step.probe().requires().forEach(input -> inputs.add(done.get(input).asMono()));
      if (runsLast(step)) {
        inputs.addAll(others);
      }
      nodes.add(
          Mono.when(inputs)
              .then(Mono.defer(() -> start(step, outcomes, target, handshake, scanned, progress)))
              .doOnNext(
                  outcome -> {
                    outcomes.put(step.id(), outcome);
                    finished.tryEmitEmpty();
                  })
              .then());
    }
    progress.enter(network.get(0).id().cliName());
    return Mono.when(nodes).doFinally(signal -> shared.close()).thenReturn(outcomes);
  }

  private static boolean runsLast(Step step) {
    return ((NetworkProbe<?>) step.probe()).runsLast();
  }

  /** The step's probe, run, or the reason it cannot run. */
  private Mono<ProbeOutcome<?>> start(
      Step step,
      Outcomes outcomes,
      ProbeTarget target,
      HandshakeResult handshake,
      Set<ProbeId> scanned,
      TargetProgress progress) {
    ProbeOutcome<?> blocked = outcomes.blocked(step.probe().requires());
    if (blocked != null) {
      return Mono.just(blocked);
    }
    ProbeContext context =
        new ProbeContext(target, handshake, outcomes.results(step.probe().requires()), scanned);
    return guarded((NetworkProbe<?>) step.probe(), context, progress);
  }

  /**
   * Runs a probe within what is left of the deadline; any failure, even one thrown by {@code run}
   * itself, becomes its outcome. A probe that ends without a result has failed too: every target
   * must still get its record.
   */
  private <R> Mono<ProbeOutcome<?>> guarded(
      NetworkProbe<R> probe, ProbeContext context, TargetProgress progress) {
    Mono<ProbeOutcome<?>> run =
        Mono.defer(() -> probe.run(context)).single().map(ProbeOutcome::completed);
    return Deadlines.within(progress.remaining(), run)
        .onErrorResume(error -> Mono.just(failure(error)));
  }

  private ProbeOutcome<?> failure(Throwable error) {
    if (error instanceof NoAnswerException) {
      return ProbeOutcome.failed(ErrorKind.TIMEOUT, "server went silent: " + error.getMessage());
    }
    if (error instanceof TimeoutException) {
      return ProbeOutcome.failed(
          ErrorKind.TIMEOUT,
          "did not finish within the " + DurationText.format(timeout) + " deadline");
    }
    Failure failure = FailureClassifier.classify(error);
    return ProbeOutcome.failed(failure.kind(), failure.message());
  }
}
