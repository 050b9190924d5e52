package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.RawHelloClient;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Known weaknesses ({@code vulnerabilities}): those that follow from the accepted versions and
 * suites ({@link SuiteWeaknesses}, no connection), and those tried on the wire with raw hellos. A
 * check that cannot tell is undecided with its reason, so one check that fails does not take the
 * others' verdicts with it.
 */
public final class VulnsProbe implements NetworkProbe<Vulnerabilities> {
  public static final ProbeKey<Vulnerabilities> KEY = new ProbeKey<>(ProbeId.VULNS);
  private static final SectionFill<Vulnerabilities, Vulnerabilities> FILLS =
      SectionFill.of(HostReport.VULNERABILITIES);

  private final RawHelloClient client;

  public VulnsProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  @Override
  public ProbeKey<Vulnerabilities> key() {
    return KEY;
  }

  /** The versions to try and the suites to offer come from the protocols and ciphers probes. */
  @Override
  public Set<ProbeId> requires() {
    return Set.of(ProbeId.PROTOCOLS, ProbeId.CIPHERS);
  }

  @Override
  public SectionFill<Vulnerabilities, Vulnerabilities> fills() {
    return FILLS;
  }

  @Override
  public Mono<Vulnerabilities> run(ProbeContext context) {
    ProtocolsResult protocols = context.result(ProtocolsProbe.KEY);
    CipherSupport ciphers = context.result(CiphersProbe.KEY);
    return Mono.just(new Vulnerabilities(SuiteWeaknesses.of(protocols.support(), ciphers)));
  }
}
