package io.tlsscan.scan;

import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.Probe;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.target.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The probes a scan runs, worked out once per scan from the registered probes: those asked for and
 * every probe they require, each after its requirements, in registration order otherwise. A probe
 * run for another reason than being asked or required by one that was (the protocols probe when a
 * raw hello must stand in for the handshake) fills no section.
 *
 * @param network the network probes, in an order where each comes after its requirements
 * @param after the after-probes, likewise
 */
record ProbePlan(List<Step> network, List<Step> after) {
  ProbePlan {
    network = List.copyOf(network);
    after = List.copyOf(after);
  }

  /**
   * One probe of the plan.
   *
   * @param shown whether its section goes into the record
   */
  record Step(Probe<?> probe, boolean shown) {
    ProbeId id() {
      return probe.key().id();
    }
  }

  /**
   * The plan for the {@code asked} probes, plus the {@code unshown} ones.
   *
   * @throws IllegalArgumentException when a probe is not registered or registered twice, when
   *     requirements form a cycle, or when a network probe requires an after-probe
   */
  static ProbePlan of(List<Probe<?>> registered, Set<ProbeId> asked, Set<ProbeId> unshown) {
    Map<ProbeId, Probe<?>> byId = new EnumMap<>(ProbeId.class);
    for (Probe<?> probe : registered) {
      if (byId.put(probe.key().id(), probe) != null) {
        throw new IllegalArgumentException(
            "two probes registered as " + probe.key().id().cliName());
      }
    }
    Set<ProbeId> shown = EnumSet.noneOf(ProbeId.class);
    asked.forEach(id -> require(id, byId, shown, EnumSet.noneOf(ProbeId.class)));
    Set<ProbeId> planned = EnumSet.copyOf(shown);
    unshown.forEach(id -> require(id, byId, planned, EnumSet.noneOf(ProbeId.class)));
    List<Step> network = new ArrayList<>();
    List<Step> after = new ArrayList<>();
    Set<ProbeId> placed = EnumSet.noneOf(ProbeId.class);
    for (Probe<?> probe : registered) {
      place(probe, byId, planned, shown, placed, network, after);
    }
    return new ProbePlan(network, after);
  }

  /** Adds {@code id} and what it requires, transitively, to {@code planned}. */
  private static void require(
      ProbeId id, Map<ProbeId, Probe<?>> byId, Set<ProbeId> planned, Set<ProbeId> path) {
    Probe<?> probe = byId.get(id);
    if (probe == null) {
      throw new IllegalArgumentException("no probe is registered as " + id.cliName());
    }
    if (!path.add(id)) {
      throw new IllegalArgumentException("probe requirements form a cycle through " + path);
    }
    for (ProbeId input : probe.requires()) {
      if (probe instanceof NetworkProbe<?> && byId.get(input) instanceof AfterProbe<?>) {
        throw new IllegalArgumentException(
            "network probe " + id.cliName() + " requires after-probe " + input.cliName());
      }
      require(input, byId, planned, path);
    }
    path.remove(id);
    planned.add(id);
  }

  /** Appends {@code probe} after its requirements, once, when it is planned. */
  private static void place(
      Probe<?> probe,
      Map<ProbeId, Probe<?>> byId,
      Set<ProbeId> planned,
      Set<ProbeId> shown,
      Set<ProbeId> placed,
      List<Step> network,
      List<Step> after) {
    ProbeId id = probe.key().id();
    if (!planned.contains(id) || !placed.add(id)) {
      return;
    }
    for (ProbeId input : ProbeId.values()) {
      if (probe.requires().contains(input)) {
        place(byId.get(input), byId, planned, shown, placed, network, after);
      }
    }
    Step step = new Step(probe, shown.contains(id));
    (probe instanceof NetworkProbe<?> ? network : after).add(step);
  }

  /**
   * This plan without the network probes that do not apply to {@code target} and without the probes
   * that require one of those.
   */
  ProbePlan forTarget(Target target) {
    Set<ProbeId> dropped = EnumSet.noneOf(ProbeId.class);
    List<Step> keptNetwork = new ArrayList<>();
    for (Step step : network) {
      NetworkProbe<?> probe = (NetworkProbe<?>) step.probe();
      if (!probe.appliesTo(target) || requiresAny(probe, dropped)) {
        dropped.add(step.id());
      } else {
        keptNetwork.add(step);
      }
    }
    if (dropped.isEmpty()) {
      return this;
    }
    List<Step> keptAfter = new ArrayList<>();
    for (Step step : after) {
      if (requiresAny(step.probe(), dropped)) {
        dropped.add(step.id());
      } else {
        keptAfter.add(step);
      }
    }
    return new ProbePlan(keptNetwork, keptAfter);
  }

  private static boolean requiresAny(Probe<?> probe, Set<ProbeId> ids) {
    return probe.requires().stream().anyMatch(ids::contains);
  }
}
