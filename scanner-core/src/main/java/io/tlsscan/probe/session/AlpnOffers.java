package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.protocols.VersionAnswer;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.tls.AlertDescription;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Which application protocols the server accepts, by offering by ALPN (RFC 7301) the protocols of
 * {@link #OFFERED} not yet seen selected: the server selects one it accepts, which is taken out of
 * the next offer, until it selects none of those offered (answers without ALPN, or refuses with
 * alert no_application_protocol). A server that accepts TLS 1.2 is asked in raw TLS 1.2 hellos (the
 * suites its protocols-probe hello was accepted with), whose ServerHello carries the selection in
 * the clear: the server spends no whole handshake on it. A TLS 1.3-only server is asked in full
 * handshakes, because TLS 1.3 sends the selection encrypted (EncryptedExtensions). Any other
 * failure leaves the answer undecided. The scan's full handshake was the first such offer ({@link
 * HandshakeProbe#DEFAULT_ALPN}): what it selected, or that it selected none of those, is where the
 * elimination starts. One connection per accepted protocol (but the one that handshake selected),
 * plus one; one at a time.
 */
final class AlpnOffers {
  /** The protocols offered, in order (IANA ALPN protocol IDs). */
  static final List<String> OFFERED = List.of("h2", "http/1.1", "http/1.0", "spdy/3.1", "h3");

  private final HandshakeProbe handshakes;
  private final RawHelloClient raw;

  AlpnOffers(HandshakeProbe handshakes, RawHelloClient raw) {
    this.handshakes = requireNonNull(handshakes, "handshakes");
    this.raw = requireNonNull(raw, "raw");
  }

  /**
   * The accepted protocols in offer order, or why one offer could not be decided.
   *
   * @param first the scan's full handshake, which offered {@link HandshakeProbe#DEFAULT_ALPN}
   * @param protocols the protocols probe's answers: whether TLS 1.2 is accepted, and with which
   *     suites
   */
  Mono<Answer> ask(ProbeTarget target, HandshakeResult first, ProtocolsResult protocols) {
    List<String> rest = new ArrayList<>(OFFERED);
    List<String> accepted = new ArrayList<>();
    if (first instanceof HandshakeResult.Completed) {
      Selection selection = selection(HandshakeProbe.DEFAULT_ALPN, first);
      if (selection.protocol() == null) {
        rest.removeAll(HandshakeProbe.DEFAULT_ALPN);
      } else {
        rest.remove(selection.protocol());
        accepted.add(selection.protocol());
      }
    }
    VersionAnswer.Accepted tls12 = protocols.accepted(ProtocolVersion.TLSv1_2);
    Function<List<String>, Mono<Selection>> select =
        tls12 == null
            ? offer -> fullHandshake(target, offer)
            : offer ->
                rawHello(
                    target, SuiteOffers.chunks(ProtocolVersion.TLSv1_2).get(tls12.chunk()), offer);
    return ask(rest, accepted, select);
  }

  private Mono<Answer> ask(
      List<String> offer, List<String> accepted, Function<List<String>, Mono<Selection>> select) {
    if (offer.isEmpty()) {
      return Mono.just(Answer.of(accepted));
    }
    return select
        .apply(offer)
        .flatMap(
            selection -> {
              if (selection.undecided() != null) {
                return Mono.just(new Answer(null, selection.undecided()));
              }
              if (selection.protocol() == null) {
                return Mono.just(Answer.of(accepted));
              }
              List<String> more = new ArrayList<>(accepted);
              more.add(selection.protocol());
              List<String> rest = new ArrayList<>(offer);
              rest.remove(selection.protocol());
              return ask(rest, more, select);
            });
  }

  private Mono<Selection> fullHandshake(ProbeTarget target, List<String> offer) {
    return handshakes
        .offering(offer, target.endpoint(), target.tracker())
        .map(result -> selection(offer, result));
  }

  private Mono<Selection> rawHello(
      ProbeTarget target, List<CipherSuite> suites, List<String> offer) {
    return raw.offer(
            target,
            ProtocolVersion.TLSv1_2,
            suites,
            offered ->
                Hellos.builder(ProtocolVersion.TLSv1_2, target.serverName())
                    .cipherSuites(offered)
                    .applicationProtocols(offer)
                    .build())
        .map(answer -> selection(offer, answer.response()))
        .onErrorResume(
            error ->
                Mono.just(
                    new Selection(
                        null, undecided(offer, FailureClassifier.classify(error).message()))));
  }

  /**
   * What the server did with one offer: selected {@code protocol} ({@code null}: none of those
   * offered), or {@code undecided} with the reason.
   */
  private record Selection(String protocol, String undecided) {}

  private static Selection selection(List<String> offer, ServerResponse answer) {
    if (answer instanceof ServerResponse.ServerHello hello
        && hello.accepts(ProtocolVersion.TLSv1_2)) {
      String selected = hello.applicationProtocol().orElse(null);
      if (selected != null && !offer.contains(selected)) {
        // RFC 7301 section 3.2: a client aborts there; the server's list stays unknown.
        return new Selection(null, undecided(offer, "the server selected " + selected));
      }
      return new Selection(selected, null);
    }
    if (answer instanceof ServerResponse.Alert alert
        && alert.description() == AlertDescription.NO_APPLICATION_PROTOCOL.code()) {
      return new Selection(null, null);
    }
    return new Selection(
        null, undecided(offer, "TLS 1.2 hello answered with " + RawAnswers.describe(answer)));
  }

  private static String undecided(List<String> offer, String why) {
    return "offering " + String.join(", ", offer) + ": " + why;
  }

  private static Selection selection(List<String> offer, HandshakeResult result) {
    if (result instanceof HandshakeResult.Completed completed) {
      String selected = completed.handshake().alpn();
      return new Selection(selected != null && offer.contains(selected) ? selected : null, null);
    }
    HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
    if (failed.failure().kind() == ErrorKind.TLS_ALERT
        && failed.failure().message().endsWith("no_application_protocol")) {
      return new Selection(null, null);
    }
    return new Selection(null, undecided(offer, failed.failure().message()));
  }

  /**
   * @param accepted the accepted protocols in offer order; {@code null} when undecided
   * @param undecided why an offer could not be decided; {@code null} when all were
   */
  record Answer(List<String> accepted, String undecided) {
    private static Answer of(List<String> accepted) {
      return new Answer(OFFERED.stream().filter(accepted::contains).toList(), null);
    }
  }
}
