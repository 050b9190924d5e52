package io.tlsscan.scan;

import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.Section;
import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.AfterProbeContext;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import java.util.Set;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Probes made of a function, for tests of the plumbing that runs probes: no server involved. */
final class TestProbes {
  private TestProbes() {}

  /** A network probe whose result is a string, in a section named after it. */
  record Network(ProbeId id, Set<ProbeId> requires, Function<ProbeContext, Mono<String>> run)
      implements NetworkProbe<String> {
    @Override
    public ProbeKey<String> key() {
      return new ProbeKey<>(id);
    }

    @Override
    public SectionFill<String, String> fills() {
      return SectionFill.of(new Section<>(id.cliName()));
    }

    @Override
    public Mono<String> run(ProbeContext context) {
      return run.apply(context);
    }
  }

  /** An after-probe whose result is a string, in a section named after it. */
  record After(
      ProbeId id, Set<ProbeId> requires, Function<AfterProbeContext, ProbeOutcome<String>> derive)
      implements AfterProbe<String> {
    @Override
    public ProbeKey<String> key() {
      return new ProbeKey<>(id);
    }

    @Override
    public SectionFill<String, String> fills() {
      return SectionFill.of(new Section<>(id.cliName()));
    }

    @Override
    public ProbeOutcome<String> derive(AfterProbeContext context) {
      return derive.apply(context);
    }
  }

  /** A network probe that answers {@code result} at once. */
  static Network answering(ProbeId id, String result, ProbeId... requires) {
    return new Network(id, Set.of(requires), context -> Mono.just(result));
  }

  /** An after-probe that derives {@code result}. */
  static After deriving(ProbeId id, String result, ProbeId... requires) {
    return new After(id, Set.of(requires), context -> ProbeOutcome.completed(result));
  }
}
