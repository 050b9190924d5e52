package io.tlsscan.probe.ciphers;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.protocols.VersionAnswer;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.ServerResponseDecoder.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every cipher suite the server accepts, per accepted version, by list elimination: offer all the
 * version allows (in hellos of at most 128 suites), note the suite the server picks, offer the rest
 * again, until the server refuses. One connection per accepted suite plus one per offer; the
 * protocols probe's answers are reused, so offers it saw refused are not made again. Then one more
 * connection per version tells whether the server enforces its own order: the accepted suites are
 * offered in reverse, and a server that still picks its favourite has an order of its own.
 * Versions are probed {@code target.parallelism()} at a time.
 */
public final class CiphersProbe {
  private final RawHelloClient client;

  public CiphersProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  public Mono<CipherSupport> run(ProbeTarget target, ProtocolsResult protocols) {
    return Flux.fromIterable(protocols.acceptedVersions())
        .flatMap(
            version ->
                ciphers(target, version, protocols.accepted(version))
                    .map(found -> Map.entry(version, found)),
            target.parallelism())
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ProtocolVersion.class))
        .map(CiphersProbe::support);
  }

  private static CipherSupport support(Map<ProtocolVersion, VersionCiphers> byVersion) {
    Map<String, List<CipherInfo>> suites = new LinkedHashMap<>();
    Optional<Boolean> serverOrder = Optional.empty();
    for (var entry : byVersion.entrySet()) {
      suites.put(entry.getKey().reportName(), entry.getValue().suites());
      if (entry.getValue().serverOrder().isPresent()) {
        serverOrder = entry.getValue().serverOrder();
      }
    }
    return new CipherSupport(suites, serverOrder.orElse(null));
  }

  private Mono<VersionCiphers> ciphers(
      ProbeTarget target, ProtocolVersion version, VersionAnswer.Accepted accepted) {
    if (version == ProtocolVersion.SSLv2) {
      return Mono.just(sslv2(accepted));
    }
    List<List<CipherSuite>> chunks = SuiteOffers.chunks(version);
    List<AcceptedSuite> found = Collections.synchronizedList(new ArrayList<>());
    Mono<Void> all = Mono.empty();
    for (int index = accepted.chunk(); index < chunks.size(); index++) {
      ServerResponse known = index == accepted.chunk() ? accepted.response() : null;
      List<CipherSuite> chunk = chunks.get(index);
      all = all.then(Mono.defer(() -> eliminate(target, version, chunk, known, found)));
    }
    return all.then(
        Mono.defer(() -> order(target, version, List.copyOf(found), accepted.chunk() + 1 < chunks.size())));
  }

  /**
   * Offers {@code remaining}, notes the server's pick and offers the rest, until it refuses. The
   * first answer may already be {@code known}.
   */
  private Mono<Void> eliminate(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> remaining,
      ServerResponse known,
      List<AcceptedSuite> found) {
    Mono<ServerResponse> answer = known != null ? Mono.just(known) : offer(target, version, remaining);
    return answer.flatMap(
        response -> {
          Optional<CipherSuite> chosen = chosen(response, version).filter(remaining::contains);
          if (chosen.isEmpty()) {
            return Mono.empty();
          }
          found.add(AcceptedSuite.of(chosen.get(), response));
          List<CipherSuite> rest = new ArrayList<>(remaining);
          rest.remove(chosen.get());
          return rest.isEmpty() ? Mono.empty() : eliminate(target, version, rest, null, found);
        });
  }

  /**
   * The found suites in the server's order and whether it enforces that order. When the suites
   * came from several offers their relative order is unknown, so they are first ranked by one more
   * elimination among themselves.
   */
  private Mono<VersionCiphers> order(
      ProbeTarget target, ProtocolVersion version, List<AcceptedSuite> found, boolean severalOffers) {
    if (found.size() < 2) {
      return Mono.just(new VersionCiphers(infos(found), Optional.empty()));
    }
    Mono<List<AcceptedSuite>> ranked = Mono.just(found);
    if (severalOffers && found.size() <= SuiteOffers.chunks(version).get(0).size()) {
      List<AcceptedSuite> reranked = Collections.synchronizedList(new ArrayList<>());
      ranked =
          eliminate(target, version, suites(found), null, reranked)
              .then(Mono.fromSupplier(() -> merge(reranked, found)));
    }
    return ranked.flatMap(
        preference -> {
          List<CipherSuite> reversed = new ArrayList<>(suites(preference));
          Collections.reverse(reversed);
          return offer(target, version, reversed.subList(0, Math.min(reversed.size(), 128)))
              .map(
                  response -> {
                    Optional<CipherSuite> pick = chosen(response, version);
                    Optional<Boolean> serverOrder =
                        pick.map(p -> p.equals(preference.get(0).suite()))
                            .filter(serverPicksOwn -> serverPicksOwn || pick.get().equals(reversed.get(0)));
                    return new VersionCiphers(infos(preference), serverOrder);
                  })
              .defaultIfEmpty(new VersionCiphers(infos(preference), Optional.empty()));
        });
  }

  /** The re-ranked suites first, then any the re-ranking did not see again, as found. */
  private static List<AcceptedSuite> merge(List<AcceptedSuite> ranked, List<AcceptedSuite> found) {
    List<AcceptedSuite> merged = new ArrayList<>(ranked);
    for (AcceptedSuite suite : found) {
      if (merged.stream().noneMatch(m -> m.suite() == suite.suite())) {
        merged.add(suite);
      }
    }
    return merged;
  }

  private static List<CipherInfo> infos(List<AcceptedSuite> accepted) {
    return accepted.stream().map(AcceptedSuite::info).toList();
  }

  private static List<CipherSuite> suites(List<AcceptedSuite> accepted) {
    return accepted.stream().map(AcceptedSuite::suite).toList();
  }

  private Mono<ServerResponse> offer(
      ProbeTarget target, ProtocolVersion version, List<CipherSuite> suites) {
    return client
        .exchange(
            target.address(),
            Hellos.offering(version, suites, target.serverName()),
            version == ProtocolVersion.TLSv1_3 ? Scope.SERVER_HELLO : Scope.SERVER_FLIGHT,
            target.tracker())
        .onErrorResume(RawHelloClient::isRefusal, error -> Mono.just(new ServerResponse.Closed()));
  }

  /** The suite a ServerHello (of the version asked) or a TLS 1.3 HelloRetryRequest names. */
  private static Optional<CipherSuite> chosen(ServerResponse response, ProtocolVersion version) {
    if (response instanceof ServerResponse.ServerHello hello && hello.version() == version) {
      return hello.suite();
    }
    if (response instanceof ServerResponse.HelloRetryRequest retry
        && version == ProtocolVersion.TLSv1_3) {
      return retry.suite();
    }
    return Optional.empty();
  }

  /** SSLv2 servers list every cipher spec they support in their SERVER-HELLO. */
  private static VersionCiphers sslv2(VersionAnswer.Accepted accepted) {
    List<CipherInfo> specs =
        accepted.response() instanceof ServerResponse.Sslv2ServerHello hello
            ? hello.knownCipherSpecs().stream()
                .map(
                    spec ->
                        new CipherInfo(
                            spec.name(), spec.bits(), spec.strength().wireName(), null, null))
                .toList()
            : List.of();
    return new VersionCiphers(specs, Optional.empty());
  }
}
