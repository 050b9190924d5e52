package io.tlsscan.probe.groups;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.KeyExchange;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The key-exchange groups the server accepts, in the order it picks them, by elimination: offer
 * every group, note the one the server chooses, offer the rest, until it refuses. With TLS 1.3 the
 * hello carries no key share, so the server names its choice in a HelloRetryRequest; otherwise (TLS
 * 1.2 and older) the ECDHE suites are offered and the curve is read from the ServerKeyExchange. One
 * connection per accepted group plus one.
 */
public final class GroupsProbe implements NetworkProbe<List<String>> {
  public static final ProbeKey<List<String>> KEY = new ProbeKey<>(ProbeId.GROUPS);
  private static final SectionFill<List<String>, List<String>> FILLS =
      SectionFill.of(HostReport.GROUPS);
  private static final Set<NamedGroup.Kind> ECDHE_CURVES =
      EnumSet.of(NamedGroup.Kind.EC_PRIME, NamedGroup.Kind.EC_BINARY, NamedGroup.Kind.MONTGOMERY);

  private final RawHelloClient client;

  public GroupsProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  @Override
  public ProbeKey<List<String>> key() {
    return KEY;
  }

  /** The version to ask with comes from the protocols probe's accepted versions. */
  @Override
  public Set<ProbeId> requires() {
    return Set.of(ProbeId.PROTOCOLS);
  }

  @Override
  public SectionFill<List<String>, List<String>> fills() {
    return FILLS;
  }

  @Override
  public Mono<List<String>> run(ProbeContext context) {
    return run(context.target(), context.result(ProtocolsProbe.KEY));
  }

  private Mono<List<String>> run(ProbeTarget target, ProtocolsResult protocols) {
    List<ProtocolVersion> accepted = protocols.acceptedVersions();
    Optional<ProtocolVersion> version =
        accepted.contains(ProtocolVersion.TLSv1_3)
            ? Optional.of(ProtocolVersion.TLSv1_3)
            : accepted.stream()
                .filter(v -> v.atLeast(ProtocolVersion.TLSv1_0))
                .reduce((older, newer) -> newer);
    if (version.isEmpty()) {
      return Mono.just(List.of());
    }
    List<NamedGroup> offered = candidates(version.get());
    List<CipherSuite> suites = suites(version.get());
    List<String> found = new ArrayList<>();
    return eliminate(target, version.get(), suites, offered, found)
        .then(Mono.fromSupplier(() -> List.copyOf(found)));
  }

  private Mono<Void> eliminate(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> suites,
      List<NamedGroup> remaining,
      List<String> found) {
    var hello = Hellos.offeringGroups(version, suites, remaining, target.serverName());
    return client
        .ask(target, version, hello)
        .flatMap(
            response -> {
              Optional<NamedGroup> chosen = chosen(response).filter(remaining::contains);
              if (chosen.isEmpty()) {
                return Mono.empty();
              }
              found.add(chosen.get().ianaName());
              List<NamedGroup> rest = new ArrayList<>(remaining);
              rest.remove(chosen.get());
              return rest.isEmpty()
                  ? Mono.empty()
                  : eliminate(target, version, suites, rest, found);
            });
  }

  private static Optional<NamedGroup> chosen(ServerResponse response) {
    if (response instanceof ServerResponse.HelloRetryRequest retry) {
      return retry.group();
    }
    if (response instanceof ServerResponse.ServerHello hello) {
      return hello.negotiatedGroup();
    }
    return Optional.empty();
  }

  /**
   * Every group that can be used with {@code version}: TLS 1.3 the groups with key shares; older
   * versions the named curves of ECDHE (RFC 8422), without the TLS 1.3-only brainpool code points.
   */
  private static List<NamedGroup> candidates(ProtocolVersion version) {
    if (version == ProtocolVersion.TLSv1_3) {
      return Arrays.stream(NamedGroup.values()).filter(NamedGroup::tls13).toList();
    }
    return Arrays.stream(NamedGroup.values())
        .filter(g -> ECDHE_CURVES.contains(g.kind()) && !g.ianaName().endsWith("tls13"))
        .toList();
  }

  /** TLS 1.3: all its suites; older versions: the ECDHE suites of the first offer. */
  private static List<CipherSuite> suites(ProtocolVersion version) {
    List<CipherSuite> first = SuiteOffers.chunks(version).get(0);
    if (version == ProtocolVersion.TLSv1_3) {
      return first;
    }
    return first.stream().filter(s -> s.keyExchange() == KeyExchange.ECDHE).toList();
  }
}
