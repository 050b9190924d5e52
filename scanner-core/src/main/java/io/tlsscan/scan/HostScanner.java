package io.tlsscan.scan;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.net.HostResolver;
import io.tlsscan.policy.BaselinePolicy;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.target.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Scans one target: resolve, handshake (with retries of transient failures), judge the
 * certificate, apply the policy. Always emits exactly one {@link HostReport} per address and never
 * fails; the per-target deadline covers every step, and a target cut short by it is reported as
 * {@code timeout}, naming the phase it was in. Certificate analysis runs on the event loop: it is
 * bounded (16 certificates, cached signature checks) and cheaper than a thread hop.
 */
final class HostScanner {
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);

  private final ScanOptions options;
  private final HostResolver resolver;
  private final ConnectionRateLimiter rateLimiter;
  private final HandshakeProbe handshakeProbe;
  private final CertificateAnalyzer certificateAnalyzer;
  private final BaselinePolicy policy = new BaselinePolicy();
  private final Clock clock;

  HostScanner(
      ScanOptions options,
      HostResolver resolver,
      ConnectionRateLimiter rateLimiter,
      HandshakeProbe handshakeProbe,
      CertificateAnalyzer certificateAnalyzer,
      Clock clock) {
    this.options = options;
    this.resolver = resolver;
    this.rateLimiter = rateLimiter;
    this.handshakeProbe = handshakeProbe;
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
    return resolver
        .resolveAll(target.host())
        .timeout(options.timeout())
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
                  return probe(target, progress)
                      .map(result -> report(target, progress, result))
                      .timeout(
                          options.timeout(),
                          Mono.fromSupplier(() -> timedOut(target, progress)))
                      .or(cancel.then(Mono.fromSupplier(() -> cancelled(target, progress))))
                      .onErrorResume(
                          error ->
                              Mono.just(
                                  failed(target, progress, FailureClassifier.classify(error))));
                }))
        .map(report -> report.withFindings(policy.evaluate(report)));
  }

  private Mono<HandshakeResult> probe(Target target, TargetProgress progress) {
    Mono<InetAddress> resolved =
        target.connectAddress() != null
            ? Mono.just(target.connectAddress())
            : resolver.resolve(target.host());
    return resolved.flatMap(
        address -> {
          progress.resolved(address);
          return handshake(new InetSocketAddress(address, target.port()), target, progress, 0);
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
              delay = delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 2 + 1));
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

  private HostReport report(Target target, TargetProgress progress, HandshakeResult result) {
    ProbeOutcome<CertificateReport> certificate =
        result.chain().isEmpty()
            ? ProbeOutcome.notRun()
            : ProbeOutcome.completed(
                certificateAnalyzer.analyze(result.chain(), target.host(), clock.instant()));
    if (result instanceof HandshakeResult.Completed completed) {
      ProbeOutcome<Handshake> handshake = ProbeOutcome.completed(completed.handshake());
      if (result.chain().isEmpty()) {
        certificate =
            ProbeOutcome.failed(ErrorKind.HANDSHAKE_FAILED, "server sent no certificate");
      }
      return new HostReport(
          info(target, progress),
          null,
          progress.startedAt(),
          progress.elapsedMs(),
          progress.connections(),
          handshake,
          certificate,
          ProbeOutcome.notRun(),
          ProbeOutcome.notRun(),
          ProbeOutcome.notRun(),
          List.of());
    }
    HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
    return new HostReport(
        info(target, progress),
        new ScanError(failed.failure().kind(), failed.phase(), failed.failure().message()),
        progress.startedAt(),
        progress.elapsedMs(),
        progress.connections(),
        ProbeOutcome.notRun(),
        certificate,
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  private HostReport timedOut(Target target, TargetProgress progress) {
    return failed(
        target,
        progress,
        new Failure(
            ErrorKind.TIMEOUT,
            "no result within the "
                + DurationText.format(options.timeout())
                + " deadline (during "
                + progress.phase()
                + ")"));
  }

  private HostReport cancelled(Target target, TargetProgress progress) {
    return failed(
        target,
        progress,
        new Failure(
            ErrorKind.CANCELLED,
            "scan stopped before this target finished (during " + progress.phase() + ")"));
  }

  private HostReport failed(Target target, TargetProgress progress, Failure failure) {
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
