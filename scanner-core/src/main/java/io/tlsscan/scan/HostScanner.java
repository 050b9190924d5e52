package io.tlsscan.scan;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.Section;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.HostResolver;
import io.tlsscan.policy.BaselinePolicy;
import io.tlsscan.probe.ciphers.CiphersProbe;
import io.tlsscan.probe.groups.GroupsProbe;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.ProtocolsProbe;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.protocols.RawHelloFacts;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.target.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scans one target: resolve, full handshake (retrying transient failures), then the raw probes that
 * were asked for (protocols, ciphers, groups), judge the certificate, apply the policy. Always
 * emits exactly one {@link HostReport} per address and never fails.
 *
 * <p>Deadline: DNS, connect and handshake must end within {@code --timeout}, else the record is a
 * {@code timeout} naming the phase. The raw probes share what is left of it; one that is cut short
 * leaves its section out and says so in {@code probe_errors}, and the rest of the record stands.
 * Certificate analysis runs on the event loop: it is bounded (16 certificates, cached signature
 * checks) and cheaper than a thread hop.
 */
final class HostScanner {
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);

  /**
   * The name every sequence gets before a Reactor {@code timeout}: that operator describes its
   * source at every subscription, and an unnamed source makes it walk the whole operator chain
   * (about 1 % of the CPU of a certificate scan: two or more timeouts per target). Not shown to
   * users.
   */
  private static final String TIMED = "tlsscan-deadline";

  /** How long past the deadline the whole target may take before it is cut regardless. */
  private static final Duration BACKSTOP = Duration.ofMillis(500);

  private final ScanOptions options;
  private final HostResolver resolver;
  private final ConnectionRateLimiter rateLimiter;
  private final HandshakeProbe handshakeProbe;
  private final ProtocolsProbe protocolsProbe;
  private final CiphersProbe ciphersProbe;
  private final GroupsProbe groupsProbe;
  private final Supplier<CertificateAnalyzer> certificateAnalyzer;
  private final BaselinePolicy policy = new BaselinePolicy();
  private final Clock clock;

  HostScanner(
      ScanOptions options,
      HostResolver resolver,
      ConnectionRateLimiter rateLimiter,
      HandshakeProbe handshakeProbe,
      ProtocolsProbe protocolsProbe,
      CiphersProbe ciphersProbe,
      GroupsProbe groupsProbe,
      Supplier<CertificateAnalyzer> certificateAnalyzer,
      Clock clock) {
    this.options = options;
    this.resolver = resolver;
    this.rateLimiter = rateLimiter;
    this.handshakeProbe = handshakeProbe;
    this.protocolsProbe = protocolsProbe;
    this.ciphersProbe = ciphersProbe;
    this.groupsProbe = groupsProbe;
    this.certificateAnalyzer = certificateAnalyzer;
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
    return within(options.timeout(), resolver.resolveAll(target.host()))
        .flatMapMany(Flux::fromIterable)
        .concatMap(address -> scanOne(at(target, address), cancel))
        // The single-address path reports the DNS failure with its phase and message.
        .onErrorResume(error -> scanOne(target, cancel));
  }

  private static Target at(Target target, InetAddress address) {
    return new Target(
        target.input(), target.line(), target.host(), target.port(), address, target.sni());
  }

  private Mono<HostReport> scanOne(Target target, Mono<Void> cancel) {
    boolean limited = rateLimiter.limitsGlobally();
    Mono<Void> admission = limited ? rateLimiter.global() : Mono.empty();
    return admission
        .then(
            Mono.defer(
                () -> {
                  TargetProgress progress =
                      new TargetProgress(clock.instant(), options.timeout(), limited);
                  Mono<HostReport> scan =
                      within(options.timeout(), connect(target, progress))
                          .flatMap(connected -> probe(target, progress, connected))
                          .onErrorResume(error -> Mono.just(failed(target, progress, error)));
                  Mono<HostReport> cut =
                      Mono.fromSupplier(() -> failed(target, progress, new TimeoutException()));
                  return within(options.timeout().plus(BACKSTOP), scan)
                      .onErrorResume(TimeoutException.class, timedOut -> cut)
                      .or(cancel.then(Mono.fromSupplier(() -> cancelled(target, progress))));
                }))
        .map(report -> report.withFindings(policy.evaluate(report)));
  }

  private Mono<Connected> connect(Target target, TargetProgress progress) {
    Mono<InetAddress> resolved =
        target.connectAddress() != null
            ? Mono.just(target.connectAddress())
            : resolver.resolve(target.host());
    return resolved.flatMap(
        address -> {
          progress.resolved(address);
          InetSocketAddress socket = new InetSocketAddress(address, target.port());
          return handshake(socket, target, progress, 0)
              .map(result -> new Connected(socket, result));
        });
  }

  /** The handshake, tried again after a transient failure while retries and time remain. */
  private Mono<HandshakeResult> handshake(
      InetSocketAddress address, Target target, TargetProgress progress, int attempt) {
    return handshakeProbe
        .run(address, target.sni(), progress)
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
                  ? Mono.delay(delay).then(handshake(address, target, progress, attempt + 1))
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
   * Runs the raw probes that were asked for, or that the certificate needs when the handshake
   * failed, and assembles the record.
   */
  private Mono<HostReport> probe(Target target, TargetProgress progress, Connected connected) {
    boolean rawProbesAsked = rawProbesAsked();
    boolean certificateFallback =
        connected.handshake() instanceof HandshakeResult.Failed failed
            && !failed.clientCertificateRequested()
            && options.runs(ProbeId.CERT);
    if (!connected.speaksTls() || !(rawProbesAsked || certificateFallback)) {
      return Mono.just(
          assemble(
              target,
              progress,
              connected,
              ProbeOutcome.notRun(),
              ProbeOutcome.notRun(),
              ProbeOutcome.notRun()));
    }
    progress.enter("protocols");
    ProbeTarget probeTarget =
        new ProbeTarget(connected.address(), target.sni(), progress, options.perHostConnections());
    return guarded(progress, () -> protocolsProbe.run(probeTarget))
        .flatMap(
            protocols -> {
              ProtocolsResult result = protocols.resultOrNull();
              Mono<ProbeOutcome<CipherSupport>> ciphers =
                  dependent(
                      ProbeId.CIPHERS,
                      result,
                      progress,
                      () -> ciphersProbe.run(probeTarget, result));
              Mono<ProbeOutcome<List<String>>> groups =
                  dependent(
                      ProbeId.GROUPS, result, progress, () -> groupsProbe.run(probeTarget, result));
              return ciphers.flatMap(
                  c -> groups.map(g -> assemble(target, progress, connected, protocols, c, g)));
            });
  }

  /** A probe that needs the protocols probe's answers: not run, failed with it, or run. */
  private <R> Mono<ProbeOutcome<R>> dependent(
      ProbeId probe, ProtocolsResult protocols, TargetProgress progress, Supplier<Mono<R>> run) {
    if (!options.runs(probe)) {
      return Mono.just(ProbeOutcome.notRun());
    }
    if (protocols == null) {
      return Mono.just(
          ProbeOutcome.failed(ErrorKind.HANDSHAKE_FAILED, "not run: the protocols probe failed"));
    }
    return guarded(progress, run);
  }

  /**
   * {@code work}, or a {@link TimeoutException} when it has not signalled within {@code limit}.
   * Named first: see {@link #TIMED}.
   */
  private static <T> Mono<T> within(Duration limit, Mono<T> work) {
    return work.name(TIMED).timeout(limit);
  }

  /** Runs a probe within what is left of the deadline; any failure becomes its outcome. */
  private <R> Mono<ProbeOutcome<R>> guarded(TargetProgress progress, Supplier<Mono<R>> run) {
    return Mono.defer(
        () -> {
          Duration left = progress.remaining();
          return within(left, run.get().map(ProbeOutcome::completed))
              .onErrorResume(error -> Mono.just(probeFailure(error)));
        });
  }

  private <R> ProbeOutcome<R> probeFailure(Throwable error) {
    if (error instanceof NoAnswerException) {
      return ProbeOutcome.failed(ErrorKind.TIMEOUT, "server went silent: " + error.getMessage());
    }
    if (error instanceof TimeoutException) {
      return ProbeOutcome.failed(
          ErrorKind.TIMEOUT,
          "did not finish within the " + DurationText.format(options.timeout()) + " deadline");
    }
    Failure failure = FailureClassifier.classify(error);
    return ProbeOutcome.failed(failure.kind(), failure.message());
  }

  /** Builds the record from the handshake and whatever the raw probes gave. */
  private HostReport assemble(
      Target target,
      TargetProgress progress,
      Connected connected,
      ProbeOutcome<ProtocolsResult> protocols,
      ProbeOutcome<CipherSupport> ciphers,
      ProbeOutcome<List<String>> groups) {
    HandshakeResult result = connected.handshake();
    ScanError error = null;
    ProbeOutcome<Handshake> handshake = ProbeOutcome.notRun();
    List<byte[]> chain = result.chain();
    if (result instanceof HandshakeResult.Completed completed) {
      handshake = ProbeOutcome.completed(completed.handshake());
    } else {
      HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
      Optional<RawHelloFacts> raw =
          Optional.ofNullable(protocols.resultOrNull())
              .filter(p -> !failed.clientCertificateRequested())
              .flatMap(RawHelloFacts::from);
      if (raw.isPresent()) {
        handshake = ProbeOutcome.completed(raw.get().handshake());
        chain = raw.get().chain();
      } else {
        error = new ScanError(failed.failure().kind(), failed.phase(), failed.failure().message());
      }
    }
    ProbeOutcome<CertificateReport> certificate = ProbeOutcome.notRun();
    if (options.runs(ProbeId.CERT) && !chain.isEmpty()) {
      certificate =
          ProbeOutcome.completed(
              certificateAnalyzer.get().analyze(chain, target.host(), clock.instant()));
    } else if (options.runs(ProbeId.CERT) && error == null) {
      certificate =
          ProbeOutcome.failed(
              ErrorKind.HANDSHAKE_FAILED,
              "server sent no certificate with " + handshake.resultOrNull().cipher());
    }
    ProbeOutcome<ProtocolSupport> protocolSection =
        rawProbesAsked() ? support(protocols) : ProbeOutcome.notRun();
    Map<Section<?>, ProbeOutcome<?>> sections = new HashMap<>();
    sections.put(HostReport.HANDSHAKE, handshake);
    sections.put(HostReport.CERTIFICATE, certificate);
    sections.put(HostReport.PROTOCOLS, protocolSection);
    sections.put(HostReport.CIPHERS, ciphers);
    sections.put(HostReport.GROUPS, groups);
    return new HostReport(
        info(target, progress),
        error,
        progress.startedAt(),
        progress.elapsedMs(),
        progress.connections(),
        sections,
        List.of());
  }

  /** The protocols section is shown when any raw probe was asked for: they all build on it. */
  private boolean rawProbesAsked() {
    return options.runs(ProbeId.PROTOCOLS)
        || options.runs(ProbeId.CIPHERS)
        || options.runs(ProbeId.GROUPS);
  }

  private static ProbeOutcome<ProtocolSupport> support(ProbeOutcome<ProtocolsResult> protocols) {
    if (protocols instanceof ProbeOutcome.Completed<ProtocolsResult> completed) {
      return ProbeOutcome.completed(completed.result().support());
    }
    if (protocols instanceof ProbeOutcome.Failed<ProtocolsResult> failed) {
      return ProbeOutcome.failed(failed.kind(), failed.message());
    }
    return ProbeOutcome.notRun();
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
        target.input(), target.line(), target.host(), target.port(), progress.ip(), target.sni());
  }
}
