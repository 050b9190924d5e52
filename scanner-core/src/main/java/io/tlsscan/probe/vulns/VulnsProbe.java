package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.Tls12Visits;
import io.tlsscan.target.Target;
import io.tlsscan.target.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Known weaknesses ({@code vulnerabilities}): those that follow from the accepted versions and
 * suites ({@link SuiteWeaknesses}, no connection), and those tried on the wire with raw hellos
 * ({@link HelloCheck} with {@link CcsInjectionCheck}: one connection, two when the first cannot
 * carry the ChangeCipherSpec check; {@link FallbackScsvCheck}: one; {@link Tls12Checks}: client
 * renegotiation and ticketbleed, none to two; {@link RobotCheck}: five or ten), at most {@code
 * parallelism} at a time). A check that cannot tell is undecided with its reason, so one check that
 * fails does not take the others' verdicts with it.
 */
public final class VulnsProbe implements NetworkProbe<Vulnerabilities> {
  public static final ProbeKey<Vulnerabilities> KEY = new ProbeKey<>(ProbeId.VULNS);
  private static final SectionFill<Vulnerabilities, Vulnerabilities> FILLS =
      SectionFill.of(HostReport.VULNERABILITIES);

  /**
   * How long to listen for the server's reply to each record written after its flight: a server
   * that says nothing in that time is taken to ignore the record.
   */
  public static final Duration DEFAULT_LISTEN = Duration.ofSeconds(2);

  private final HelloCheck hello;
  private final FallbackScsvCheck fallback;
  private final RobotCheck robot;
  private final Tls12Checks fullHandshake;

  public VulnsProbe(RawHelloClient client) {
    this(client, DEFAULT_LISTEN);
  }

  /**
   * @param client sends the hellos and carries the handshakes of the checks
   * @param listen how long to wait for the reply to each record sent after the server's flight
   */
  public VulnsProbe(RawHelloClient client, Duration listen) {
    requireNonNull(client, "client");
    this.hello = new HelloCheck(client, listen, new CcsInjectionCheck(client, listen));
    this.fallback = new FallbackScsvCheck(client);
    this.robot = new RobotCheck(client, listen);
    this.fullHandshake = new Tls12Checks(new Tls12Visits(client));
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

  /** The attacks are on TLS records over TCP; DTLS servers are not tried. */
  @Override
  public boolean appliesTo(Target target) {
    return target.transport() == Transport.TCP;
  }

  @Override
  public Mono<Vulnerabilities> run(ProbeContext context) {
    ProtocolsResult protocols = context.result(ProtocolsProbe.KEY);
    CipherSupport ciphers = context.result(CiphersProbe.KEY);
    ProbeTarget target = context.target();
    Optional<LegacyOffer> legacy = LegacyOffer.newestBelowTls13(protocols, ciphers);
    Vulnerabilities derived = new Vulnerabilities(SuiteWeaknesses.of(protocols.support(), ciphers));
    List<Mono<Map<Weakness, WeaknessVerdict>>> checks =
        List.of(
            hello.run(target, legacy),
            fallback.run(target, protocols, ciphers),
            fullHandshake.run(target, protocols),
            robot.run(target, protocols, ciphers));
    return Flux.mergeSequential(checks, target.parallelism(), 1)
        .reduce(derived, Vulnerabilities::with);
  }
}
