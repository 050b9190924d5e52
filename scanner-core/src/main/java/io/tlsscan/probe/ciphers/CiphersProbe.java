package io.tlsscan.probe.ciphers;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.protocols.Tls13RetryWalk;
import io.tlsscan.probe.protocols.VersionAnswer;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every cipher suite the server accepts, per accepted version, by list elimination: offer all the
 * version allows (in hellos of at most 128 suites), note the suite the server picks, offer the rest
 * again, until the server refuses. One connection per accepted suite plus one per offer; the
 * protocols probe's answers are reused, so offers it saw refused are not made again. Versions are
 * probed {@code target.parallelism()} at a time. TLS 1.3 hellos after the first ask for a
 * HelloRetryRequest instead of a whole handshake ({@link Tls13Offering}); one more connection when
 * the server refuses the first of them (a server with one TLS 1.3 suite, or one that does not send
 * HelloRetryRequests), to check the refusal with a full hello.
 *
 * <p>Then one more connection tells whether the server enforces its own order: the accepted suites
 * of one version are offered in reverse, and a server that still picks its favourite has an order
 * of its own. The version judged is the newest below TLS 1.3 with two suites, where the order
 * decides between strong and weak suites (many servers leave TLS 1.3, whose suites are all strong,
 * to the client), else TLS 1.3. Only when suites of a version came from several offers, whose
 * relative order elimination cannot see, and the server has an order, are they ranked again among
 * themselves (one connection per suite).
 */
public final class CiphersProbe implements NetworkProbe<CipherSupport> {
  public static final ProbeKey<CipherSupport> KEY = new ProbeKey<>(ProbeId.CIPHERS);
  private static final SectionFill<CipherSupport, CipherSupport> FILLS =
      SectionFill.of(HostReport.CIPHERS);

  private final RawHelloClient client;
  private final Tls13RetryWalk walk;

  public CiphersProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
    this.walk = new Tls13RetryWalk(client);
  }

  @Override
  public ProbeKey<CipherSupport> key() {
    return KEY;
  }

  /** The versions to enumerate and the answers already seen come from the protocols probe. */
  @Override
  public Set<ProbeId> requires() {
    return Set.of(ProbeId.PROTOCOLS);
  }

  @Override
  public SectionFill<CipherSupport, CipherSupport> fills() {
    return FILLS;
  }

  @Override
  public Mono<CipherSupport> run(ProbeContext context) {
    ProtocolsResult protocols = context.result(ProtocolsProbe.KEY);
    return run(context.target(), protocols, Tls13RetryWalk.applies(context, protocols));
  }

  private Mono<CipherSupport> run(
      ProbeTarget target, ProtocolsResult protocols, boolean tls13FromWalk) {
    return Flux.fromIterable(protocols.acceptedVersions())
        .filter(version -> version != ProtocolVersion.SSLv2)
        .flatMap(
            version ->
                (version == ProtocolVersion.TLSv1_3 && tls13FromWalk
                        ? fromWalk(target, protocols)
                        : eliminateAll(target, version, protocols.accepted(version)))
                    .map(found -> Map.entry(version, found)),
            target.parallelism())
        .collectMap(
            Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ProtocolVersion.class))
        .flatMap(found -> ordered(target, found))
        .map(support -> withSslv2(support, protocols.accepted(ProtocolVersion.SSLv2)));
  }

  /** Offers every chunk from the one the protocols probe saw accepted on, one after the other. */
  private Mono<Elimination> eliminateAll(
      ProbeTarget target, ProtocolVersion version, VersionAnswer.Accepted accepted) {
    List<List<CipherSuite>> chunks = SuiteOffers.chunks(version);
    int first = accepted.chunk();
    ServerResponse known = firstAnswer(accepted);
    return Flux.range(first, chunks.size() - first)
        .concatMap(
            index -> eliminate(target, version, chunks.get(index), index == first ? known : null))
        .collectList()
        .map(Elimination::of);
  }

  /**
   * The TLS 1.3 suites of the walk shared with the groups probe, each with the group of a full
   * hello: x25519 when the protocols probe's HelloRetryRequest named it, else the group one full
   * hello gets.
   */
  private Mono<Elimination> fromWalk(ProbeTarget target, ProtocolsResult protocols) {
    Mono<Optional<NamedGroup>> group =
        firstAnswer(protocols.accepted(ProtocolVersion.TLSv1_3)) != null
            ? Mono.just(Optional.of(Tls13Offering.FULL_HELLO_SHARE))
            : fullHelloGroup(target);
    return walk.found(target, protocols)
        .zipWith(
            group,
            (found, kx) ->
                Elimination.of(
                    List.of(
                        found.suites().stream()
                            .map(suite -> new AcceptedSuite(suite, kx, Optional.empty()))
                            .toList())));
  }

  /** The group of the key exchange of a full TLS 1.3 hello, offering every suite. */
  private Mono<Optional<NamedGroup>> fullHelloGroup(ProbeTarget target) {
    ProtocolVersion version = ProtocolVersion.TLSv1_3;
    return offer(target, version, SuiteOffers.chunks(version).get(0), Tls13Offering.FULL)
        .map(
            answer ->
                chosen(answer.response(), version)
                    .flatMap(suite -> AcceptedSuite.of(suite, answer.response()).group()));
  }

  /**
   * The protocols probe's answer, which names the first suite, unless it does not show the group of
   * a full hello's handshake: a HelloRetryRequest to the hello without key share names the group
   * the server prefers, which is the one a full hello's x25519 share gets only when it is x25519.
   * Otherwise the elimination starts with a full hello.
   */
  private static ServerResponse firstAnswer(VersionAnswer.Accepted accepted) {
    boolean fullHelloGroup =
        !accepted.withoutKeyShare()
            || (accepted.response() instanceof ServerResponse.HelloRetryRequest retry
                && retry.group().equals(Optional.of(Tls13Offering.FULL_HELLO_SHARE)));
    return fullHelloGroup ? accepted.response() : null;
  }

  /**
   * Offers {@code remaining}, notes the server's pick and offers the rest, until it refuses. The
   * first answer may already be {@code known}. The picks, in order.
   */
  private Mono<List<AcceptedSuite>> eliminate(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> remaining,
      ServerResponse known) {
    return eliminate(target, version, remaining, known, Tls13Offering.FULL);
  }

  private Mono<List<AcceptedSuite>> eliminate(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> remaining,
      ServerResponse known,
      Tls13Offering offering) {
    // Empty when a hello without key share got no answer before the server had sent any
    // HelloRetryRequest: taken as a refusal, which a full hello then checks
    Mono<Optional<RawHelloClient.SuiteAnswer>> answer =
        known != null
            ? Mono.just(Optional.of(new RawHelloClient.SuiteAnswer(known, remaining)))
            : offer(target, version, remaining, offering)
                .map(Optional::of)
                .onErrorResume(
                    NoAnswerException.class,
                    silence ->
                        offering.refusalUnproven()
                            ? Mono.just(Optional.empty())
                            : Mono.error(silence));
    return answer.flatMap(
        answered -> {
          Optional<CipherSuite> chosen =
              answered.flatMap(
                  offered ->
                      chosen(offered.response(), version).filter(offered.offered()::contains));
          if (chosen.isEmpty()) {
            return known == null && offering.refusalUnproven()
                ? eliminate(target, version, remaining, null, Tls13Offering.fullFromNowOn())
                : Mono.just(List.<AcceptedSuite>of());
          }
          RawHelloClient.SuiteAnswer offered = answered.get();
          ServerResponse response = offered.response();
          AcceptedSuite picked = AcceptedSuite.of(chosen.get(), response);
          List<CipherSuite> rest = new ArrayList<>(offered.offered());
          rest.remove(chosen.get());
          Mono<List<AcceptedSuite>> later =
              rest.isEmpty()
                  ? Mono.just(List.of())
                  : eliminate(
                      target, version, rest, null, offering.after(version, picked, response));
          return later.map(
              tail -> {
                List<AcceptedSuite> picks = new ArrayList<>(tail.size() + 1);
                picks.add(picked);
                picks.addAll(tail);
                return picks;
              });
        });
  }

  /** Judges the server's order on one version and ranks the others again when that is needed. */
  private Mono<CipherSupport> ordered(ProbeTarget target, Map<ProtocolVersion, Elimination> found) {
    Optional<ProtocolVersion> judged = judgedVersion(found);
    if (judged.isEmpty()) {
      Map<ProtocolVersion, List<AcceptedSuite>> suites = new EnumMap<>(ProtocolVersion.class);
      found.forEach((version, elimination) -> suites.put(version, elimination.suites()));
      return Mono.just(support(target.transport(), suites, Optional.empty()));
    }
    ProtocolVersion version = judged.get();
    return order(target, version, found.get(version))
        .flatMap(
            order ->
                Flux.fromIterable(found.entrySet())
                    .flatMap(
                        entry -> {
                          if (entry.getKey() == version) {
                            return Mono.just(Map.entry(entry.getKey(), order.suites()));
                          }
                          boolean rerank =
                              order.enforced().orElse(false) && entry.getValue().severalOffers();
                          Mono<List<AcceptedSuite>> suites =
                              rerank
                                  ? rerank(target, entry.getKey(), entry.getValue())
                                  : Mono.just(entry.getValue().suites());
                          return suites.map(list -> Map.entry(entry.getKey(), list));
                        },
                        target.parallelism())
                    .collectMap(
                        Map.Entry::getKey,
                        Map.Entry::getValue,
                        () ->
                            new EnumMap<ProtocolVersion, List<AcceptedSuite>>(
                                ProtocolVersion.class))
                    .map(suites -> support(target.transport(), suites, order.enforced())));
  }

  /** The newest version below TLS 1.3 with two suites to compare, else TLS 1.3 if it has two. */
  private static Optional<ProtocolVersion> judgedVersion(Map<ProtocolVersion, Elimination> found) {
    Optional<ProtocolVersion> judged = Optional.empty();
    for (var entry : found.entrySet()) {
      if (entry.getValue().suites().size() >= 2
          && (entry.getKey() != ProtocolVersion.TLSv1_3 || judged.isEmpty())) {
        judged = Optional.of(entry.getKey());
      }
    }
    return judged;
  }

  /**
   * Offers the suites in reverse. A server that follows the client picks the one found last; one
   * with its own order picks its favourite, which elimination found first in some offer. When the
   * suites came from several offers, and the answer does not already say "client order", they are
   * ranked again among themselves in the found order: a server with its own order then picks the
   * same favourite as to the reversed offer, one that follows the client picks the first found.
   */
  private Mono<ServerOrder> order(ProbeTarget target, ProtocolVersion version, Elimination found) {
    List<CipherSuite> reversed = found.reversed();
    List<CipherSuite> offered =
        reversed.subList(0, Math.min(reversed.size(), ClientHelloBuilder.MAX_CIPHER_SUITES));
    return client
        .ask(target, version, Hellos.offering(version, offered, target.serverName()))
        .flatMap(
            response -> {
              Optional<CipherSuite> pick = chosen(response, version).filter(offered::contains);
              if (pick.isEmpty()) {
                return Mono.just(new ServerOrder(found.suites(), Optional.empty()));
              }
              CipherSuite picked = pick.get();
              boolean lastFound = picked == reversed.get(0);
              if (lastFound && !found.firstPicks().contains(picked)) {
                return Mono.just(new ServerOrder(found.suites(), Optional.of(false)));
              }
              if (!found.severalOffers()) {
                Optional<Boolean> enforced =
                    picked == found.suites().get(0).suite() ? Optional.of(true) : Optional.empty();
                return Mono.just(new ServerOrder(found.suites(), enforced));
              }
              return rerank(target, version, found)
                  .map(
                      ranked -> {
                        if (!ranked.isEmpty() && ranked.get(0).suite() == picked) {
                          return new ServerOrder(ranked, Optional.of(true));
                        }
                        boolean clientOrder =
                            lastFound
                                && !ranked.isEmpty()
                                && ranked.get(0).suite() == found.suites().get(0).suite();
                        return new ServerOrder(
                            found.suites(), clientOrder ? Optional.of(false) : Optional.empty());
                      });
            });
  }

  /**
   * The found suites ranked by one more elimination among themselves (at most one hello's worth),
   * then any it did not see again, as found.
   */
  private Mono<List<AcceptedSuite>> rerank(
      ProbeTarget target, ProtocolVersion version, Elimination found) {
    List<CipherSuite> suites = found.suiteList();
    if (suites.size() > ClientHelloBuilder.MAX_CIPHER_SUITES) {
      return Mono.just(found.suites());
    }
    return eliminate(target, version, suites, null)
        .map(
            ranked -> {
              List<AcceptedSuite> merged = new ArrayList<>(ranked);
              for (AcceptedSuite suite : found.suites()) {
                if (merged.stream().noneMatch(m -> m.suite() == suite.suite())) {
                  merged.add(suite);
                }
              }
              return merged;
            });
  }

  private static CipherSupport support(
      Transport transport,
      Map<ProtocolVersion, List<AcceptedSuite>> byVersion,
      Optional<Boolean> serverOrder) {
    Map<String, List<CipherInfo>> suites = new LinkedHashMap<>();
    byVersion.forEach(
        (version, accepted) ->
            suites.put(
                transport.versionName(version),
                accepted.stream().map(AcceptedSuite::info).toList()));
    return new CipherSupport(suites, serverOrder.orElse(null));
  }

  private Mono<RawHelloClient.SuiteAnswer> offer(
      ProbeTarget target,
      ProtocolVersion version,
      List<CipherSuite> suites,
      Tls13Offering offering) {
    return client.offer(
        target, version, suites, offered -> offering.hello(version, offered, target.serverName()));
  }

  /** The suite a ServerHello (of the version asked) or a TLS 1.3 HelloRetryRequest names. */
  private static Optional<CipherSuite> chosen(ServerResponse response, ProtocolVersion version) {
    if (response.accepts(version)) {
      if (response instanceof ServerResponse.ServerHello hello) {
        return hello.suite();
      }
      if (response instanceof ServerResponse.HelloRetryRequest retry) {
        return retry.suite();
      }
    }
    return Optional.empty();
  }

  /**
   * Adds SSLv2, oldest of all, in front: its servers list every cipher spec they support in their
   * SERVER-HELLO.
   */
  private static CipherSupport withSslv2(CipherSupport support, VersionAnswer.Accepted sslv2) {
    if (sslv2 == null) {
      return support;
    }
    List<CipherInfo> specs =
        sslv2.response() instanceof ServerResponse.Sslv2ServerHello hello
            ? hello.knownCipherSpecs().stream()
                .map(
                    spec ->
                        new CipherInfo(
                            spec.name(), null, spec.bits(), spec.strength().wireName(), null, null))
                .toList()
            : List.of();
    Map<String, List<CipherInfo>> byVersion = new LinkedHashMap<>();
    byVersion.put(ProtocolVersion.SSLv2.reportName(), specs);
    byVersion.putAll(support.byVersion());
    return new CipherSupport(byVersion, support.serverOrder());
  }
}
