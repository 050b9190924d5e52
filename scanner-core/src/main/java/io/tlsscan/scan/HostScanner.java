package io.tlsscan.scan;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.TargetInfo;
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
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Scans one target: resolve, handshake, judge the certificate, apply the policy. The Mono always
 * emits exactly one {@link HostReport} and never fails; the per-target deadline covers every step
 * and a target cut short by it is reported as {@code timeout}, naming the phase it was in.
 */
final class HostScanner {
  private final ScanOptions options;
  private final HostResolver resolver;
  private final HandshakeProbe handshakeProbe;
  private final CertificateAnalyzer certificateAnalyzer;
  private final BaselinePolicy policy = new BaselinePolicy();
  private final Clock clock;

  HostScanner(
      ScanOptions options,
      HostResolver resolver,
      HandshakeProbe handshakeProbe,
      CertificateAnalyzer certificateAnalyzer,
      Clock clock) {
    this.options = options;
    this.resolver = resolver;
    this.handshakeProbe = handshakeProbe;
    this.certificateAnalyzer = certificateAnalyzer;
    this.clock = clock;
  }

  /** Scans {@code target}; when {@code cancel} completes first, it ends as {@code cancelled}. */
  Mono<HostReport> scan(Target target, Mono<Void> cancel) {
    return Mono.defer(
        () -> {
          Instant startedAt = clock.instant();
          long startNanos = System.nanoTime();
          TargetProgress progress = new TargetProgress();
          return probe(target, progress)
              .map(result -> report(target, progress, startedAt, startNanos, result))
              .timeout(
                  options.timeout(),
                  Mono.fromSupplier(() -> timedOut(target, progress, startedAt, startNanos)))
              .or(cancel.then(Mono.fromSupplier(() -> cancelled(target, progress, startedAt, startNanos))))
              .onErrorResume(
                  error ->
                      Mono.just(
                          failedReport(
                              target,
                              progress,
                              startedAt,
                              startNanos,
                              progress.phase(),
                              FailureClassifier.classify(error))))
              .map(report -> report.withFindings(policy.evaluate(report)));
        });
  }

  private Mono<HandshakeResult> probe(Target target, TargetProgress progress) {
    Mono<InetAddress> resolved =
        target.connectAddress() != null
            ? Mono.just(target.connectAddress())
            : resolver.resolve(target.host());
    return resolved.flatMap(
            address -> {
              progress.resolved(address);
              return handshakeProbe.run(
                  new InetSocketAddress(address, target.port()),
                  target.sni(),
                  progress);
            });
  }

  private HostReport report(
      Target target,
      TargetProgress progress,
      Instant startedAt,
      long startNanos,
      HandshakeResult result) {
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
          startedAt,
          elapsedMs(startNanos),
          progress.connections(),
          handshake,
          certificate,
          List.of());
    }
    HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
    return new HostReport(
        info(target, progress),
        new ScanError(failed.failure().kind(), failed.phase(), failed.failure().message()),
        startedAt,
        elapsedMs(startNanos),
        progress.connections(),
        ProbeOutcome.notRun(),
        certificate,
        List.of());
  }

  private HostReport timedOut(
      Target target, TargetProgress progress, Instant startedAt, long startNanos) {
    String phase = progress.phase();
    Failure failure =
        new Failure(
            ErrorKind.TIMEOUT,
            "no result within the "
                + DurationText.format(options.timeout())
                + " deadline (during "
                + phase
                + ")");
    return failedReport(target, progress, startedAt, startNanos, phase, failure);
  }

  private HostReport cancelled(
      Target target, TargetProgress progress, Instant startedAt, long startNanos) {
    String phase = progress.phase();
    Failure failure =
        new Failure(ErrorKind.CANCELLED, "scan stopped before this target finished (during " + phase + ")");
    return failedReport(target, progress, startedAt, startNanos, phase, failure);
  }

  private HostReport failedReport(
      Target target,
      TargetProgress progress,
      Instant startedAt,
      long startNanos,
      String phase,
      Failure failure) {
    return new HostReport(
        info(target, progress),
        new ScanError(failure.kind(), phase, failure.message()),
        startedAt,
        elapsedMs(startNanos),
        progress.connections(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  private static TargetInfo info(Target target, TargetProgress progress) {
    return new TargetInfo(
        target.input(), target.line(), target.host(), target.port(), progress.ip(), target.sni());
  }

  private static long elapsedMs(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }
}
