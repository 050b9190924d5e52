package io.tlsscan.probe.protocols;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.NoAnswerException;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.tls.AlertDescription;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.ServerResponseDecoder.Scope;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which protocol versions, SSLv2 to TLS 1.3, the server accepts, one hand-built hello per version
 * (more when the server refuses the first offer of suites with anything but {@code
 * protocol_version}: a server that speaks the version but only rare suites must still be found). A
 * ServerHello for another version than asked means "not accepted"; silence ({@link
 * NoAnswerException}) means "cannot tell". Below TLS 1.3 the server's certificate and key exchange
 * are read as well, for the probes that reuse these answers. TLS 1.3 is asked without a key share
 * first, which costs the server no handshake and tells the groups probe the group it prefers.
 */
public final class ProtocolsProbe implements NetworkProbe<ProtocolsResult> {
  public static final ProbeKey<ProtocolsResult> KEY = new ProbeKey<>(ProbeId.PROTOCOLS);
  private static final SectionFill<ProtocolsResult, ProtocolSupport> FILLS =
      new SectionFill<>(HostReport.PROTOCOLS, ProtocolsResult::support);

  private final RawHelloClient client;

  public ProtocolsProbe(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  @Override
  public ProbeKey<ProtocolsResult> key() {
    return KEY;
  }

  @Override
  public SectionFill<ProtocolsResult, ProtocolSupport> fills() {
    return FILLS;
  }

  @Override
  public Mono<ProtocolsResult> run(ProbeContext context) {
    return run(context.target());
  }

  /** Asks about every version, {@code target.parallelism()} at a time. */
  private Mono<ProtocolsResult> run(ProbeTarget target) {
    return Flux.fromIterable(target.transport().versions())
        .flatMap(
            version -> ask(target, version).map(answer -> Map.entry(version, answer)),
            target.parallelism())
        .collectMap(
            Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ProtocolVersion.class))
        .map(answers -> new ProtocolsResult(answers, target.transport()));
  }

  private Mono<VersionAnswer> ask(ProbeTarget target, ProtocolVersion version) {
    if (version == ProtocolVersion.SSLv2) {
      return client
          .exchange(target.endpoint(), Hellos.sslv2(), Scope.SERVER_HELLO, target.tracker())
          .map(
              response ->
                  response.accepts(version)
                      ? new VersionAnswer.Accepted(response, 0, false)
                      : refusalOrUnknown(response))
          .onErrorResume(RawHelloClient::isRefusal, error -> Mono.just(new VersionAnswer.Refused()))
          .onErrorResume(NoAnswerException.class, ProtocolsProbe::silence);
    }
    if (version == ProtocolVersion.TLSv1_3) {
      return askWithoutKeyShare(target)
          .switchIfEmpty(
              Mono.defer(() -> askChunk(target, version, SuiteOffers.chunks(version), 0)));
    }
    return askChunk(target, version, SuiteOffers.chunks(version), 0);
  }

  /**
   * TLS 1.3 is first asked without a key share ({@link Hellos#retrying}): a server that speaks it
   * answers with a HelloRetryRequest, which costs it no key exchange and names the group it
   * prefers. A ServerHello for an older version or a {@code protocol_version} alert is a refusal.
   * Any other refusal, nonsense or silence is empty: a server may refuse a hello without key share
   * that it would answer with one, so the caller asks again with a full hello.
   */
  private Mono<VersionAnswer> askWithoutKeyShare(ProbeTarget target) {
    ProtocolVersion version = ProtocolVersion.TLSv1_3;
    return client
        .ask(
            target,
            version,
            Hellos.retrying(SuiteOffers.chunks(version).get(0), target.serverName()))
        .<VersionAnswer>flatMap(
            response -> {
              if (response.accepts(version)) {
                return Mono.just(new VersionAnswer.Accepted(response, 0, true));
              }
              return refusesVersion(response)
                  ? Mono.just(new VersionAnswer.Refused())
                  : Mono.empty();
            })
        .onErrorResume(NoAnswerException.class, silence -> Mono.empty());
  }

  private Mono<VersionAnswer> askChunk(
      ProbeTarget target, ProtocolVersion version, List<List<CipherSuite>> chunks, int index) {
    return client
        .offer(
            target,
            version,
            chunks.get(index),
            suites -> Hellos.offering(version, suites, target.serverName()))
        .map(RawHelloClient.SuiteAnswer::response)
        .flatMap(
            response -> {
              if (response.accepts(version)) {
                return Mono.just(new VersionAnswer.Accepted(response, index, false));
              }
              if (refusesVersion(response)) {
                return Mono.just(new VersionAnswer.Refused());
              }
              VersionAnswer answer = refusalOrUnknown(response);
              boolean tryNextChunk =
                  answer instanceof VersionAnswer.Refused && index + 1 < chunks.size();
              return tryNextChunk
                  ? askChunk(target, version, chunks, index + 1)
                  : Mono.just(answer);
            })
        .onErrorResume(NoAnswerException.class, ProtocolsProbe::silence);
  }

  /**
   * Whether {@code response}, which did not accept the version asked, refuses the version itself
   * rather than the hello's suites or form: a ServerHello for another version, or a {@code
   * protocol_version} alert.
   */
  private static boolean refusesVersion(ServerResponse response) {
    return response instanceof ServerResponse.ServerHello
        || (response instanceof ServerResponse.Alert alert
            && alert.description() == AlertDescription.PROTOCOL_VERSION.code());
  }

  /**
   * A server that says nothing to a hello (many wait for more bytes of an SSLv2 CLIENT-HELLO they
   * cannot parse) neither accepted nor refused it.
   */
  private static Mono<VersionAnswer> silence(NoAnswerException error) {
    return Mono.just(new VersionAnswer.Unknown(error.getMessage()));
  }

  /** Alerts and closes are refusals; nonsense is unknown. */
  private static VersionAnswer refusalOrUnknown(ServerResponse response) {
    if (response instanceof ServerResponse.Malformed malformed) {
      return new VersionAnswer.Unknown("malformed answer: " + malformed.reason());
    }
    if (response instanceof ServerResponse.Truncated truncated) {
      return new VersionAnswer.Unknown("truncated answer: " + truncated.reason());
    }
    if (response instanceof ServerResponse.NotTls notTls) {
      return new VersionAnswer.Unknown("not TLS: " + notTls.description());
    }
    return new VersionAnswer.Refused();
  }
}
