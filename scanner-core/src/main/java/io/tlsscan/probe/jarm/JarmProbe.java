package io.tlsscan.probe.jarm;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ConnectTimeoutException;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.target.Target;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.ServerHelloCapture;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fingerprints of the server's TLS stack: JARM, JA3S and JA4S ({@code fingerprints} section).
 *
 * <p>JARM sends the ten hellos of the reference implementation (salesforce/jarm, {@code jarm.py},
 * see {@link JarmHello}), one connection each, reads the first bytes of each answer (at most 1484,
 * as the reference's one read) into an answer string ({@link JarmAnswer}) and hashes the ten
 * ({@link JarmHash}). As in the reference, a hello whose connection fails (refused, reset, closed
 * without a byte) gives the empty answer {@code |||}, and a hello the server leaves unanswered
 * until the answer timeout makes every answer empty: the all-zero JARM. The SNI is the target's
 * name, or its IP address when it has none (the reference sends what it was given).
 *
 * <p>JA3S and JA4S ({@link ServerFingerprints}) are read from the ServerHello of the full
 * handshake, copied on its way to BoringSSL ({@link ServerHelloCapture}). When that handshake did
 * not complete, or its ServerHello did not come whole in one record, they are read from the answer
 * to one more hello that mirrors a typical client ({@link TypicalHello}). Ten connections, eleven
 * then, so the probe runs only when asked for ({@code --probes jarm} or {@code all}).
 */
public final class JarmProbe implements NetworkProbe<Fingerprints> {
  public static final ProbeKey<Fingerprints> KEY = new ProbeKey<>(ProbeId.JARM);
  private static final SectionFill<Fingerprints, Fingerprints> FILLS =
      SectionFill.of(HostReport.FINGERPRINTS);

  /** Most bytes read of the answer to the typical hello: one whole record. */
  private static final int TYPICAL_ANSWER_BYTES = 5 + (1 << 14) + 2048;

  /** Stands for "no answer in time" among the answers, before they are all made empty. */
  private static final String SILENT = "silent";

  private final RawHelloClient client;

  public JarmProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  @Override
  public ProbeKey<Fingerprints> key() {
    return KEY;
  }

  @Override
  public SectionFill<Fingerprints, Fingerprints> fills() {
    return FILLS;
  }

  /** JARM's hellos are TLS records: the reference computes it over TCP only. */
  @Override
  public boolean appliesTo(Target target) {
    return target.transport() == Transport.TCP;
  }

  @Override
  public Mono<Fingerprints> run(ProbeContext context) {
    ProbeTarget target = context.target();
    String serverName =
        target.serverName() != null ? target.serverName() : target.address().getHostString();
    Mono<List<String>> jarmAnswers =
        Flux.fromIterable(JarmHello.TEN)
            .flatMapSequential(hello -> answer(target, hello, serverName), target.parallelism())
            .collectList()
            .map(JarmProbe::emptyIfSilent);
    Mono<ServerHelloAnswer> serverHello =
        handshakeServerHello(context.handshake())
            .map(facts -> Mono.just(ServerHelloAnswer.seen(facts)))
            .orElseGet(() -> typicalHello(target));
    return jarmAnswers.zipWith(serverHello, JarmProbe::fingerprints);
  }

  /** The full handshake's ServerHello, when the handshake completed and it came whole. */
  private static Optional<ServerHelloFacts> handshakeServerHello(HandshakeResult handshake) {
    return handshake instanceof HandshakeResult.Completed completed
        ? ServerHelloFacts.parseMessage(completed.serverHello())
        : Optional.empty();
  }

  private Mono<ServerHelloAnswer> typicalHello(ProbeTarget target) {
    return client
        .firstBytes(
            target,
            TypicalHello.build(target.serverName(), ThreadLocalRandom.current()),
            TYPICAL_ANSWER_BYTES)
        .map(ServerHelloAnswer::of)
        .onErrorResume(
            error -> silence(error) || noServerHello(error),
            error -> Mono.just(ServerHelloAnswer.failed(error)));
  }

  private Mono<String> answer(ProbeTarget target, JarmHello hello, String serverName) {
    return client
        .firstBytes(
            target, hello.build(serverName, ThreadLocalRandom.current()), JarmAnswer.MAX_BYTES)
        .map(JarmAnswer::read)
        .onErrorResume(JarmProbe::silence, error -> Mono.just(SILENT))
        .onErrorResume(JarmProbe::noServerHello, error -> Mono.just(JarmAnswer.EMPTY));
  }

  /** The reference's reading of a timeout: the whole fingerprint is empty. */
  private static List<String> emptyIfSilent(List<String> answers) {
    return answers.contains(SILENT)
        ? Collections.nCopies(answers.size(), JarmAnswer.EMPTY)
        : answers;
  }

  private static Fingerprints fingerprints(List<String> answers, ServerHelloAnswer serverHello) {
    Optional<ServerHelloFacts> hello = serverHello.hello();
    return new Fingerprints(
        JarmHash.of(answers),
        answers,
        hello.map(ServerFingerprints::ja3s).orElse(null),
        hello.map(ServerFingerprints::ja4s).orElse(null),
        serverHello.unknown());
  }

  private static boolean silence(Throwable error) {
    return error instanceof NoAnswerException || error instanceof ConnectTimeoutException;
  }

  /**
   * A connection that failed before any answer: the reference's other errors. Anything else (the
   * scan stopping, a bug) stays an error.
   */
  private static boolean noServerHello(Throwable error) {
    return error instanceof IOException || RawHelloClient.isRefusal(error);
  }
}
