package io.tlsscan.scan;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.Section;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.HostResolver;
import io.tlsscan.probe.AfterProbe;
import io.tlsscan.probe.AfterProbeContext;
import io.tlsscan.probe.Probe;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.dtls.DtlsHandshake;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.target.Target;
import io.tlsscan.target.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scans one target: resolve, full handshake (retrying transient failures), then the {@link Probe}s
 * that were asked for and those they require: the network probes as a {@link ProbeGraph}, then the
 * after-probes (such as the certificate's verdict); the scanner then applies the policy. Always
 * emits exactly one {@link HostReport} per address and never fails. It knows no probe by name but
 * one: when BoringSSL cannot complete the handshake, a raw hello of the protocols probe may stand
 * in for it ({@link ReportedHandshake}).
 *
 * <p>Deadline: DNS, connect and handshake must end within {@code --timeout}, else the record is a
 * {@code timeout} naming the phase. The network probes share what is left of it; one that is cut
 * short leaves its section out and says so in {@code probe_errors}, and the rest of the record
 * stands. After-probes run on the event loop: certificate analysis is bounded (16 certificates,
 * cached signature checks) and cheaper than a thread hop.
 *
 * <p>Transport: a {@code dtls://} target goes the same way over UDP. Its handshake is a raw DTLS
 * hello ({@link DtlsHandshake}), and the network probes are the TLS ones: they send their hellos
 * through {@link io.tlsscan.probe.raw.RawHelloClient#ask}, which frames them for DTLS when the
 * {@link io.tlsscan.probe.raw.ProbeTarget}'s transport says so, and ask only about the versions
 * DTLS carries ({@link Transport#versions()}). One probe, one plan, one record shape for both.
 */
final class HostScanner {
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);

  /** How long past the deadline the whole target may take before it is cut regardless. */
  private static final Duration BACKSTOP = Duration.ofMillis(500);

  private final ScanOptions options;
  private final HostResolver resolver;
  private final ConnectionRateLimiter rateLimiter;
  private final HandshakeProbe handshakeProbe;
  private final DtlsHandshake dtlsHandshake = new DtlsHandshake();

  /** The probes asked for and those they require. */
  private final ProbePlan asked;

  /** The same, plus the protocols probe when a raw hello must stand in for the handshake. */
  private final ProbePlan withRawHandshake;

  private final ProbeGraph graph;
  private final Clock clock;

  HostScanner(
      ScanOptions options,
      HostResolver resolver,
      ConnectionRateLimiter rateLimiter,
      HandshakeProbe handshakeProbe,
      List<Probe<?>> probes,
      Clock clock) {
    this.options = options;
    this.resolver = resolver;
    this.rateLimiter = rateLimiter;
    this.handshakeProbe = handshakeProbe;
    this.asked = ProbePlan.of(probes, options.probes(), Set.of());
    this.withRawHandshake = ProbePlan.of(probes, options.probes(), Set.of(ProbeId.PROTOCOLS));
    this.graph = new ProbeGraph(options.timeout(), options.perHostConnections());
    this.clock = clock;
  }

  /**
   * Scans {@code target}: one record, or with {@code --all-ips} one per address of its name. When
   * {@code cancel} completes first, the target ends as {@code cancelled}.
   */
  Flux<HostReport> scan(Target target, Mono<Void> cancel) {
    if (!options.allIps() || target.connectAddress() != null) {
      return scanOne(target, cancel).flux();
    }
    return Deadlines.within(options.timeout(), resolver.resolveAll(target.host()))
        .flatMapMany(Flux::fromIterable)
        .concatMap(address -> scanOne(target.at(address), cancel))
        // The single-address path reports the DNS failure with its phase and message.
        .onErrorResume(error -> scanOne(target, cancel));
  }

  private Mono<HostReport> scanOne(Target target, Mono<Void> cancel) {
    boolean limited = rateLimiter.limitsGlobally();
    Mono<HostReport> report =
        Mono.defer(
            () -> {
              TargetProgress progress =
                  new TargetProgress(clock.instant(), options.timeout(), limited);
              Mono<HostReport> scan =
                  Deadlines.within(options.timeout(), connect(target, progress))
                      .flatMap(connected -> probe(target, progress, connected))
                      .onErrorResume(error -> Mono.just(failed(target, progress, error)));
              Mono<HostReport> cut =
                  Mono.fromSupplier(() -> failed(target, progress, new TimeoutException()));
              return Deadlines.within(options.timeout().plus(BACKSTOP), scan)
                  .onErrorResume(TimeoutException.class, timedOut -> cut)
                  .or(cancel.then(Mono.fromSupplier(() -> cancelled(target, progress))));
            });
    return limited ? rateLimiter.global().then(report) : report;
  }

  private Mono<Connected> connect(Target target, TargetProgress progress) {
    Mono<InetAddress> resolved =
        target.connectAddress() != null
            ? Mono.just(target.connectAddress())
            : resolver.resolve(target.host());
    return resolved.flatMap(
        address -> {
          progress.resolved(address);
          Endpoint endpoint =
              new Endpoint(
                  new InetSocketAddress(address, target.port()),
                  target.host(),
                  target.sni(),
                  target.starttls());
          return handshake(endpoint, target, progress, 0)
              .map(result -> new Connected(endpoint, result));
        });
  }

  /**
   * The handshake, tried again after a transient failure while retries and time remain. A DTLS
   * target gets {@link DtlsHandshake}'s raw hello over UDP instead, which retransmits by itself.
   */
  private Mono<HandshakeResult> handshake(
      Endpoint endpoint, Target target, TargetProgress progress, int attempt) {
    if (target.transport() == Transport.DTLS) {
      return dtlsHandshake.run(endpoint.address(), target.sni(), progress);
    }
    return handshakeProbe
        .run(endpoint, progress)
        .flatMap(
            result -> {
              Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << attempt);
              delay =
                  delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 2 + 1));
              boolean retry =
                  attempt < options.retries()
                      && isTransient(result)
                      && progress.remaining().compareTo(delay.multipliedBy(2)) > 0;
              return retry
                  ? Mono.delay(delay).then(handshake(endpoint, target, progress, attempt + 1))
                  : Mono.just(result);
            });
  }

  /** A reset, or a connect that timed out: worth one more try. */
  private static boolean isTransient(HandshakeResult result) {
    if (result instanceof HandshakeResult.Failed failed) {
      ErrorKind kind = failed.failure().kind();
      return kind == ErrorKind.RESET
          || (kind == ErrorKind.TIMEOUT && failed.phase().equals("connect"));
    }
    return false;
  }

  /**
   * Runs the probes that were asked for, and those they require, and assembles the record. The
   * network probes run only against a server that speaks TLS.
   */
  private Mono<HostReport> probe(Target target, TargetProgress progress, Connected connected) {
    ProbePlan plan =
        (needsRawHandshake(connected.handshake()) ? withRawHandshake : asked).forTarget(target);
    if (!connected.speaksTls() || plan.network().isEmpty()) {
      return Mono.just(assemble(target, progress, connected, plan, new Outcomes()));
    }
    return graph
        .run(
            plan.network(),
            connected.endpoint(),
            target.transport(),
            connected.handshake(),
            progress)
        .map(outcomes -> assemble(target, progress, connected, plan, outcomes));
  }

  /**
   * Whether the after-probes need a raw hello of the protocols probe to stand in for a handshake
   * BoringSSL could not complete (see {@link ReportedHandshake}).
   */
  private boolean needsRawHandshake(HandshakeResult result) {
    return result instanceof HandshakeResult.Failed failed
        && !failed.clientCertificateRequested()
        && !asked.after().isEmpty();
  }

  /** Derives the after-probes and builds the record from the handshake and every outcome. */
  private HostReport assemble(
      Target target,
      TargetProgress progress,
      Connected connected,
      ProbePlan plan,
      Outcomes outcomes) {
    ReportedHandshake handshake =
        ReportedHandshake.of(
            connected.handshake(), outcomes.get(ProtocolsProbe.KEY).resultOrNull());
    for (ProbePlan.Step step : plan.after()) {
      AfterProbe<?> probe = (AfterProbe<?>) step.probe();
      ProbeOutcome<?> outcome = outcomes.blocked(probe.requires());
      if (outcome == null) {
        outcome =
            probe.derive(
                new AfterProbeContext(
                    target.host(),
                    handshake.handshake(),
                    handshake.chain(),
                    outcomes.results(probe.requires())));
      }
      outcomes.put(step.id(), outcome);
    }
    Map<Section<?>, ProbeOutcome<?>> sections = new HashMap<>();
    handshake
        .handshake()
        .ifPresent(facts -> sections.put(HostReport.HANDSHAKE, ProbeOutcome.completed(facts)));
    fill(sections, plan.network(), outcomes);
    fill(sections, plan.after(), outcomes);
    return new HostReport(
        info(target, progress),
        handshake.error(),
        progress.startedAt(),
        progress.elapsedMs(),
        progress.connections(),
        sections,
        List.of());
  }

  /** Puts the outcome of every shown step that ran into its section. */
  private static void fill(
      Map<Section<?>, ProbeOutcome<?>> sections, List<ProbePlan.Step> steps, Outcomes outcomes) {
    for (ProbePlan.Step step : steps) {
      ProbeOutcome<?> outcome = outcomes.get(step.id());
      if (step.shown() && !(outcome instanceof ProbeOutcome.NotRun<?>)) {
        fill(sections, step.probe().fills(), outcome);
      }
    }
  }

  @SuppressWarnings("unchecked") // the outcome is that of the probe the fill belongs to
  private static <R, S> void fill(
      Map<Section<?>, ProbeOutcome<?>> sections, SectionFill<R, S> fill, ProbeOutcome<?> outcome) {
    sections.put(fill.section(), ((ProbeOutcome<R>) outcome).map(fill.value()));
  }

  /** The record of a target that ended before its handshake did: timeout, DNS, connect errors. */
  private HostReport failed(Target target, TargetProgress progress, Throwable error) {
    Failure failure =
        error instanceof TimeoutException
            ? new Failure(
                ErrorKind.TIMEOUT,
                "no result within the "
                    + DurationText.format(options.timeout())
                    + " deadline (during "
                    + progress.phase()
                    + ")")
            : FailureClassifier.classify(error);
    return failedWith(target, progress, failure);
  }

  private HostReport cancelled(Target target, TargetProgress progress) {
    return failedWith(
        target,
        progress,
        new Failure(
            ErrorKind.CANCELLED,
            "scan stopped before this target finished (during " + progress.phase() + ")"));
  }

  private HostReport failedWith(Target target, TargetProgress progress, Failure failure) {
    return HostReport.failed(
        info(target, progress),
        new ScanError(failure.kind(), progress.phase(), failure.message()),
        progress.startedAt(),
        progress.elapsedMs(),
        progress.connections());
  }

  private static TargetInfo info(Target target, TargetProgress progress) {
    return new TargetInfo(
        target.input(),
        target.line(),
        target.host(),
        target.port(),
        progress.ip(),
        target.sni(),
        target.starttls() == null ? null : target.starttls().wireName(),
        target.transport().reportName());
  }
}
