package io.tlsscan.scan;

import static io.tlsscan.probe.ProbeId.CERT;
import static io.tlsscan.probe.ProbeId.CIPHERS;
import static io.tlsscan.probe.ProbeId.GROUPS;
import static io.tlsscan.probe.ProbeId.PROTOCOLS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.net.Failure;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.handshake.HandshakeResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The graph of network probes, on probes made of functions and virtual time: what runs when, and
 * what becomes of each. No server is involved, so nothing connects.
 */
class ProbeGraphTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final InetSocketAddress NOWHERE =
      InetSocketAddress.createUnresolved("probe.test", 443);
  private static final HandshakeResult HANDSHAKE =
      new HandshakeResult.Failed(
          new Failure(ErrorKind.TLS_ALERT, "server sent fatal alert handshake_failure"),
          "handshake",
          List.of(),
          false);

  private final ProbeGraph graph = new ProbeGraph(DEADLINE, 2);

  @Test
  void independentProbesRunSideBySide() {
    // Given two probes that need nothing and take a second each
    List<ProbePlan.Step> steps =
        steps(
            new TestProbes.Network(PROTOCOLS, Set.of(), c -> Mono.delay(SECOND).thenReturn("a")),
            new TestProbes.Network(GROUPS, Set.of(), c -> Mono.delay(SECOND).thenReturn("b")));
    // Then both are done after one second, not two
    StepVerifier.withVirtualTime(() -> graph.run(steps, NOWHERE, null, HANDSHAKE, progress()))
        .expectSubscription()
        .expectNoEvent(SECOND.minusMillis(1))
        .thenAwait(Duration.ofMillis(1))
        .assertNext(
            outcomes -> {
              assertThat(result(outcomes, PROTOCOLS)).isEqualTo("a");
              assertThat(result(outcomes, GROUPS)).isEqualTo("b");
            })
        .verifyComplete();
  }

  @Test
  void aDependentStartsOnceItsInputIsThereAndReadsIt() {
    // Given a probe that takes a second and one that requires it
    List<ProbePlan.Step> steps =
        steps(
            new TestProbes.Network(
                PROTOCOLS, Set.of(), c -> Mono.delay(SECOND).thenReturn("TLSv1.3")),
            new TestProbes.Network(
                CIPHERS,
                Set.of(PROTOCOLS),
                c -> Mono.just("suites of " + c.result(new ProbeKey<String>(PROTOCOLS)))));
    // Then the dependent saw its input's result
    StepVerifier.withVirtualTime(() -> graph.run(steps, NOWHERE, null, HANDSHAKE, progress()))
        .thenAwait(SECOND)
        .assertNext(
            outcomes -> assertThat(result(outcomes, CIPHERS)).isEqualTo("suites of TLSv1.3"))
        .verifyComplete();
  }

  @Test
  void aProbeWhoseInputFailedIsNotRunAndSaysWhy() {
    // Given a protocols probe that fails and two probes that require it
    AtomicBoolean dependentRan = new AtomicBoolean();
    List<ProbePlan.Step> steps =
        steps(
            new TestProbes.Network(
                PROTOCOLS, Set.of(), c -> Mono.error(new IOException("Connection reset by peer"))),
            new TestProbes.Network(
                CIPHERS,
                Set.of(PROTOCOLS),
                c -> Mono.fromSupplier(() -> dependentRan.getAndSet(true) + "")),
            new TestProbes.Network(
                GROUPS,
                Set.of(PROTOCOLS),
                c -> Mono.fromSupplier(() -> dependentRan.getAndSet(true) + "")));
    // When the graph runs
    Outcomes outcomes = graph.run(steps, NOWHERE, null, HANDSHAKE, progress()).block(SECOND);
    // Then the failure is the input's, and each dependent is a failure that names it
    assertThat(outcomes.get(PROTOCOLS))
        .isEqualTo(ProbeOutcome.failed(ErrorKind.RESET, "connection reset by the server"));
    for (ProbeId dependent : List.of(CIPHERS, GROUPS)) {
      assertThat(outcomes.get(dependent))
          .as(dependent.cliName())
          .isEqualTo(
              ProbeOutcome.failed(
                  ErrorKind.HANDSHAKE_FAILED, "not run: the protocols probe failed"));
    }
    assertThat(dependentRan).as("a dependent ran").isFalse();
  }

  @Test
  void aProbeCutShortByTheDeadlineTimesOut() {
    // Given a target whose deadline is two seconds away and a probe that never answers
    ProbeGraph graph = new ProbeGraph(Duration.ofSeconds(2), 2);
    List<ProbePlan.Step> steps =
        steps(new TestProbes.Network(PROTOCOLS, Set.of(), c -> Mono.never()));
    // Then at the deadline the probe has failed with a timeout, and the graph is done
    StepVerifier.withVirtualTime(
            () -> graph.run(steps, NOWHERE, null, HANDSHAKE, progress(Duration.ofSeconds(2))))
        .thenAwait(Duration.ofSeconds(2))
        .assertNext(
            outcomes ->
                assertThat(outcomes.get(PROTOCOLS))
                    .isEqualTo(
                        ProbeOutcome.failed(
                            ErrorKind.TIMEOUT, "did not finish within the 2s deadline")))
        .verifyComplete();
  }

  @Test
  void aProbeThatGivesNoResultOrThrowsHasFailed() {
    List<ProbePlan.Step> steps =
        steps(
            new TestProbes.Network(PROTOCOLS, Set.of(), c -> Mono.empty()),
            new TestProbes.Network(
                CERT,
                Set.of(),
                c -> {
                  throw new IllegalStateException("broken probe");
                }));
    Outcomes outcomes = graph.run(steps, NOWHERE, null, HANDSHAKE, progress()).block(SECOND);
    assertThat(outcomes.get(PROTOCOLS)).isInstanceOf(ProbeOutcome.Failed.class);
    assertThat(outcomes.get(CERT)).isInstanceOf(ProbeOutcome.Failed.class);
  }

  @Test
  void theScanPhaseIsNamedAfterTheFirstProbe() {
    TargetProgress progress = progress();
    graph.run(steps(TestProbes.answering(PROTOCOLS, "v")), NOWHERE, null, HANDSHAKE, progress).block(SECOND);
    assertThat(progress.phase()).isEqualTo("protocols");
  }

  private static List<ProbePlan.Step> steps(TestProbes.Network... probes) {
    return List.of(probes).stream().map(p -> new ProbePlan.Step(p, true)).toList();
  }

  private static TargetProgress progress() {
    return progress(DEADLINE);
  }

  private static TargetProgress progress(Duration deadline) {
    return new TargetProgress(Instant.now(), deadline, false);
  }

  private static Object result(Outcomes outcomes, ProbeId probe) {
    assertThat(outcomes.get(probe)).as(probe.cliName()).isInstanceOf(ProbeOutcome.Completed.class);
    return outcomes.get(probe).resultOrNull();
  }
}
