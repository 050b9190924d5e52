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
import io.tlsscan.probe.protocols.Tls13RetryWalk;
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
 * 1.2 and older) the ECDHE suites are offered and the curve is read from the ServerKeyExchange,
 * then the DHE suites with the RFC 7919 groups, whose prime the ServerKeyExchange shows (a server
 * with DH parameters of its own ends that part at once). One connection per accepted group plus
 * one; below TLS 1.3 one more for the finite-field groups. In TLS 1.3 the protocols probe's hello
 * without key share is the first of these hellos, so its HelloRetryRequest is taken as the first
 * answer; when the ciphers probe runs too, both read the TLS 1.3 suites and groups from one walk
 * ({@link Tls13RetryWalk}).
 */
public final class GroupsProbe implements NetworkProbe<List<String>> {
  public static final ProbeKey<List<String>> KEY = new ProbeKey<>(ProbeId.GROUPS);
  private static final SectionFill<List<String>, List<String>> FILLS =
      SectionFill.of(HostReport.GROUPS);
  private static final Set<NamedGroup.Kind> ECDHE_CURVES =
      EnumSet.of(NamedGroup.Kind.EC_PRIME, NamedGroup.Kind.EC_BINARY, NamedGroup.Kind.MONTGOMERY);

  /** The named curves of ECDHE (RFC 8422), without the TLS 1.3-only brainpool code points. */
  private static final List<NamedGroup> ECDHE_GROUPS =
      Arrays.stream(NamedGroup.values())
          .filter(g -> ECDHE_CURVES.contains(g.kind()) && !g.ianaName().endsWith("tls13"))
          .toList();

  /** The finite-field groups of RFC 7919, which a TLS 1.2 server may take for DHE. */
  private static final List<NamedGroup> FFDHE_GROUPS =
      Arrays.stream(NamedGroup.values()).filter(g -> g.kind() == NamedGroup.Kind.FFDHE).toList();

  private final RawHelloClient client;
  private final Tls13RetryWalk walk;

  public GroupsProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
    this.walk = new Tls13RetryWalk(client);
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
    ProtocolsResult protocols = context.result(ProtocolsProbe.KEY);
    if (Tls13RetryWalk.applies(context, protocols)) {
      return walk.found(context.target(), protocols)
          .map(found -> found.groups().stream().map(NamedGroup::ianaName).toList());
    }
    return run(context.target(), protocols);
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
    List<String> found = new ArrayList<>();
    if (version.get() == ProtocolVersion.TLSv1_3) {
      List<NamedGroup> remaining = new ArrayList<>(Hellos.TLS13_GROUPS);
      protocols
          .preferredTls13Group()
          .filter(remaining::remove)
          .ifPresent(group -> found.add(group.ianaName()));
      Mono<Void> rest =
          remaining.isEmpty()
              ? Mono.empty()
              : eliminate(target, version.get(), firstSuites(version.get()), remaining, found);
      return rest.then(Mono.fromSupplier(() -> List.copyOf(found)));
    }
    List<CipherSuite> ecdhe = firstSuites(version.get(), KeyExchange.ECDHE);
    List<CipherSuite> dhe = firstSuites(version.get(), KeyExchange.DHE);
    return eliminate(target, version.get(), ecdhe, ECDHE_GROUPS, found)
        .then(
            Mono.defer(
                () ->
                    dhe.isEmpty()
                        ? Mono.<Void>empty()
                        : eliminate(target, version.get(), dhe, FFDHE_GROUPS, found)))
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

  /** The suites of {@code version}'s first offer, those with {@code kx} when it is given. */
  private static List<CipherSuite> firstSuites(ProtocolVersion version, KeyExchange... kx) {
    List<CipherSuite> first = SuiteOffers.chunks(version).get(0);
    Set<KeyExchange> wanted = Set.of(kx);
    return kx.length == 0
        ? first
        : first.stream().filter(suite -> wanted.contains(suite.keyExchange())).toList();
  }
}
