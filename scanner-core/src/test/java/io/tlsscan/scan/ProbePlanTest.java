package io.tlsscan.scan;

import static io.tlsscan.probe.ProbeId.CERT;
import static io.tlsscan.probe.ProbeId.CIPHERS;
import static io.tlsscan.probe.ProbeId.GROUPS;
import static io.tlsscan.probe.ProbeId.PROTOCOLS;
import static io.tlsscan.scan.TestProbes.answering;
import static io.tlsscan.scan.TestProbes.deriving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.probe.Probe;
import io.tlsscan.probe.ProbeId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbePlanTest {
  /** The shape of the real registration: one after-probe, a network probe two others require. */
  private static final List<Probe<?>> REGISTERED =
      List.of(
          deriving(CERT, "chain"),
          answering(PROTOCOLS, "versions"),
          answering(CIPHERS, "suites", PROTOCOLS),
          answering(GROUPS, "groups", PROTOCOLS));

  @Test
  void aProbeRunsWithWhatItRequiresAndAProbeNotAskedIsAbsent() {
    // When only ciphers is asked
    ProbePlan plan = ProbePlan.of(REGISTERED, Set.of(CIPHERS), Set.of());
    // Then protocols runs first and shows its section, and neither groups nor cert is planned
    assertThat(ids(plan.network())).containsExactly(PROTOCOLS, CIPHERS);
    assertThat(plan.network()).allMatch(ProbePlan.Step::shown, "shown");
    assertThat(plan.after()).isEmpty();
  }

  @Test
  void aProbeRunForTheHandshakeAloneShowsNoSection() {
    // When cert is asked, and protocols planned only so a raw hello can stand in for the handshake
    ProbePlan plan = ProbePlan.of(REGISTERED, Set.of(CERT), Set.of(PROTOCOLS));
    // Then protocols runs without a section of its own, and cert derives after it
    assertThat(ids(plan.network())).containsExactly(PROTOCOLS);
    assertThat(plan.network().get(0).shown()).as("protocols shown").isFalse();
    assertThat(ids(plan.after())).containsExactly(CERT);
    assertThat(plan.after().get(0).shown()).as("cert shown").isTrue();
  }

  @Test
  void requirementsComeFirstWhateverTheRegistrationOrder() {
    List<Probe<?>> backwards =
        List.of(answering(GROUPS, "groups", PROTOCOLS), answering(PROTOCOLS, "versions"));
    assertThat(ids(ProbePlan.of(backwards, Set.of(GROUPS), Set.of()).network()))
        .containsExactly(PROTOCOLS, GROUPS);
  }

  @Test
  void anAfterProbeMayRequireANetworkProbeButNotTheOtherWayRound() {
    List<Probe<?>> derived =
        List.of(answering(PROTOCOLS, "versions"), deriving(CERT, "x", PROTOCOLS));
    ProbePlan plan = ProbePlan.of(derived, Set.of(CERT), Set.of());
    assertThat(ids(plan.network())).containsExactly(PROTOCOLS);
    assertThat(ids(plan.after())).containsExactly(CERT);

    List<Probe<?>> inverted = List.of(deriving(CERT, "x"), answering(PROTOCOLS, "versions", CERT));
    assertThatThrownBy(() -> ProbePlan.of(inverted, Set.of(PROTOCOLS), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("network probe protocols requires after-probe cert");
  }

  @Test
  void registrationMistakesAreRefusedWhenTheScanIsSetUp() {
    assertThatThrownBy(() -> ProbePlan.of(REGISTERED.subList(0, 2), Set.of(GROUPS), Set.of()))
        .hasMessage("no probe is registered as groups");
    assertThatThrownBy(
            () ->
                ProbePlan.of(
                    List.of(answering(CERT, "a"), answering(CERT, "b")), Set.of(CERT), Set.of()))
        .hasMessage("two probes registered as cert");
    List<Probe<?>> cycle =
        List.of(answering(CIPHERS, "a", GROUPS), answering(GROUPS, "b", CIPHERS));
    assertThatThrownBy(() -> ProbePlan.of(cycle, Set.of(CIPHERS), Set.of()))
        .hasMessageContaining("cycle");
  }

  private static List<ProbeId> ids(List<ProbePlan.Step> steps) {
    return steps.stream().map(ProbePlan.Step::id).toList();
  }
}
