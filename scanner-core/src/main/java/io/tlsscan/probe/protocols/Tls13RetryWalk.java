package io.tlsscan.probe.protocols;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SharedAnswers;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The TLS 1.3 suites and groups a server accepts, found together when both the ciphers and the
 * groups probe run. Each hello offers the suites and the groups not found yet, without key share,
 * and the server's HelloRetryRequest (RFC 8446 section 4.1.4) names one of each; the protocols
 * probe's HelloRetryRequest named the first. On their own, the two probes take a connection per
 * suite and one per group; together, one per suite or group, whichever are more, plus one. A
 * refusal may mean that either list has nothing left: the next hello offers every suite with the
 * groups left, and the walk goes on with the list that still has some (one connection more when
 * both had none). A HelloRetryRequest that names no suite or group left ends that list, as it ends
 * either probe's own elimination. Made once per target ({@link SharedAnswers}).
 */
public final class Tls13RetryWalk {
  private static final ProtocolVersion TLS13 = ProtocolVersion.TLSv1_3;
  private static final SharedAnswers.Key<Found> KEY =
      new SharedAnswers.Key<>("TLS 1.3 suites and groups named in HelloRetryRequests");

  /** Every TLS 1.3 suite, all in the one hello the protocols probe offered them in. */
  private static final List<CipherSuite> SUITES = SuiteOffers.chunks(TLS13).get(0);

  private final RawHelloClient client;

  public Tls13RetryWalk(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  /**
   * What the walk found.
   *
   * @param suites the suites, in the order the server named them
   * @param groups the groups, in the order the server named them
   */
  public record Found(List<CipherSuite> suites, List<NamedGroup> groups) {
    public Found {
      suites = List.copyOf(suites);
      groups = List.copyOf(groups);
    }
  }

  /**
   * Whether the walk answers both probes for the target: both run, and the protocols probe's TLS
   * 1.3 hello without key share got a HelloRetryRequest naming a suite and a group it offered.
   */
  public static boolean applies(ProbeContext context, ProtocolsResult protocols) {
    return context.scans(ProbeId.CIPHERS)
        && context.scans(ProbeId.GROUPS)
        && SuiteOffers.chunks(TLS13).size() == 1
        && start(protocols).isPresent();
  }

  /** The walk's answer, which {@link #applies} must allow; an error when a hello gets no answer. */
  public Mono<Found> found(ProbeTarget target, ProtocolsResult protocols) {
    Walk first =
        start(protocols)
            .orElseThrow(() -> new IllegalStateException("no HelloRetryRequest to start from"));
    return target.shared().once(KEY, () -> step(target, first));
  }

  private static Optional<Walk> start(ProtocolsResult protocols) {
    return protocols
        .tls13Retry()
        .flatMap(
            retry -> {
              Optional<CipherSuite> suite = retry.suite().filter(SUITES::contains);
              Optional<NamedGroup> group = retry.group().filter(Hellos.TLS13_GROUPS::contains);
              return suite.isPresent() && group.isPresent()
                  ? Optional.of(Walk.from(suite.get(), group.get()))
                  : Optional.empty();
            });
  }

  private Mono<Found> step(ProbeTarget target, Walk walk) {
    if (walk.finished()) {
      return Mono.just(new Found(walk.suites(), walk.groups()));
    }
    return client
        .ask(
            target,
            TLS13,
            Hellos.offeringGroups(
                TLS13, walk.suitesToOffer(), walk.groupsToOffer(), target.serverName()))
        .flatMap(answer -> step(target, walk.after(answer)));
  }

  /**
   * Where the walk stands.
   *
   * @param suites the suites found, in order
   * @param groups the groups found, in order
   * @param suitesOpen whether suites may be left: the next hello offers those left, not all
   * @param groupsOpen whether groups may be left: the next hello offers those left, not all
   * @param suitesDoubted whether a refusal closed the suites before it showed which list had
   *     nothing left: when the next hello, with every suite, is refused as well, it was the groups
   */
  private record Walk(
      List<CipherSuite> suites,
      List<NamedGroup> groups,
      boolean suitesOpen,
      boolean groupsOpen,
      boolean suitesDoubted) {

    static Walk from(CipherSuite suite, NamedGroup group) {
      return new Walk(List.of(), List.of(), true, true, false).withSuite(suite).withGroup(group);
    }

    boolean finished() {
      return !suitesOpen && !groupsOpen;
    }

    List<CipherSuite> suitesToOffer() {
      return suitesOpen ? SUITES.stream().filter(s -> !suites.contains(s)).toList() : SUITES;
    }

    List<NamedGroup> groupsToOffer() {
      return groupsOpen
          ? Hellos.TLS13_GROUPS.stream().filter(g -> !groups.contains(g)).toList()
          : Hellos.TLS13_GROUPS;
    }

    Walk after(ServerResponse answer) {
      Optional<CipherSuite> suite = Optional.empty();
      Optional<NamedGroup> group = Optional.empty();
      if (answer instanceof ServerResponse.HelloRetryRequest retry) {
        suite = retry.suite().filter(s -> suitesOpen && SUITES.contains(s) && !suites.contains(s));
        group =
            retry
                .group()
                .filter(g -> groupsOpen && Hellos.TLS13_GROUPS.contains(g) && !groups.contains(g));
      }
      if (suitesOpen && groupsOpen) {
        if (suite.isEmpty() && group.isEmpty()) {
          return new Walk(suites, groups, false, true, true);
        }
        Walk next = suite.map(this::withSuite).orElse(closingSuites());
        return group.map(next::withGroup).orElse(next.closingGroups());
      }
      if (groupsOpen) {
        if (group.isPresent()) {
          return new Walk(suites, groups, false, true, false).withGroup(group.get());
        }
        return new Walk(suites, groups, suitesDoubted && suitesLeft(), false, false);
      }
      return suite.map(this::withSuite).orElse(closingSuites());
    }

    private boolean suitesLeft() {
      return suites.size() < SUITES.size();
    }

    private Walk withSuite(CipherSuite suite) {
      List<CipherSuite> more = new ArrayList<>(suites);
      more.add(suite);
      return new Walk(
          more, groups, suitesOpen && more.size() < SUITES.size(), groupsOpen, suitesDoubted);
    }

    private Walk withGroup(NamedGroup group) {
      List<NamedGroup> more = new ArrayList<>(groups);
      more.add(group);
      boolean open = groupsOpen && more.size() < Hellos.TLS13_GROUPS.size();
      return new Walk(suites, more, suitesOpen, open, suitesDoubted);
    }

    private Walk closingSuites() {
      return new Walk(suites, groups, false, groupsOpen, false);
    }

    private Walk closingGroups() {
      return new Walk(suites, groups, suitesOpen, false, suitesDoubted);
    }
  }
}
