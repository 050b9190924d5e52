package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.Authentication;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.KeyExchange;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.SignatureScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import reactor.core.publisher.Mono;

/**
 * Which signature algorithms a TLS 1.2 server signs its ServerKeyExchange with, by elimination: raw
 * hellos offer every ECDHE and DHE suite that is signed and the algorithms not yet seen; the one
 * the ServerKeyExchange names is taken out and the next hello offers the rest, until the server
 * refuses (an alert, a close, or an alert or a close after its ServerHello instead of a
 * ServerKeyExchange). The protocols probe's TLS 1.2 hello offered them all: when the server
 * answered it with a signed ServerKeyExchange, that algorithm is the first one found. At most one
 * connection per algorithm of {@link SignatureScheme#broadDefault()} plus one, one at a time; a
 * server accepting n makes n + 1, or n when the protocols probe's answer named one; none without
 * TLS 1.2.
 *
 * <p>TLS 1.3 sends the algorithm in the encrypted CertificateVerify; it is not probed.
 */
final class SignatureOffers {
  /** Why the TLS 1.3 list is not given. */
  static final String TLS13_NOT_PROBED =
      "not probed: TLS 1.3 sends the signature algorithm in the encrypted CertificateVerify";

  private static final List<CipherSuite> SIGNED_SUITES =
      CipherSuite.forVersion(ProtocolVersion.TLSv1_2).stream()
          .filter(
              suite ->
                  (suite.keyExchange() == KeyExchange.ECDHE
                          || suite.keyExchange() == KeyExchange.DHE)
                      && suite.authentication() != Authentication.ANON
                      && suite.authentication() != Authentication.ANY)
          .limit(ClientHelloBuilder.MAX_CIPHER_SUITES)
          .toList();

  private final RawHelloClient raw;

  SignatureOffers(RawHelloClient raw) {
    this.raw = requireNonNull(raw, "raw");
  }

  /**
   * @param protocols the protocols probe's answers, whose TLS 1.2 hello offered every algorithm
   */
  Mono<SignatureAlgorithms> ask(ProbeTarget target, ProtocolsResult protocols) {
    Optional<ServerResponse.ServerHello> tls12 = protocols.serverHello(ProtocolVersion.TLSv1_2);
    if (tls12.isEmpty()) {
      return Mono.just(
          new SignatureAlgorithms(
              null, "the server does not accept TLS 1.2", null, TLS13_NOT_PROBED));
    }
    List<SignatureScheme> remaining = new ArrayList<>(SignatureScheme.broadDefault());
    List<String> accepted = new ArrayList<>();
    signedWith(tls12.get()).stream()
        .mapToObj(SignatureScheme::byCode)
        .flatMap(Optional::stream)
        .filter(remaining::remove)
        .forEach(scheme -> accepted.add(scheme.ianaName()));
    return next(target, SIGNED_SUITES, remaining, accepted)
        .onErrorResume(
            error -> Mono.just(unknown("offering signature algorithms: " + error.getMessage())))
        .map(
            found ->
                found.error() == null
                    ? new SignatureAlgorithms(found.accepted(), null, null, TLS13_NOT_PROBED)
                    : new SignatureAlgorithms(null, found.error(), null, TLS13_NOT_PROBED));
  }

  /** What elimination found: the accepted algorithms, or why they are not known. */
  private record Found(List<String> accepted, String error) {}

  private static Found unknown(String why) {
    return new Found(null, why);
  }

  /** Offers {@code suites} and the algorithms {@code remaining}. */
  private Mono<Found> next(
      ProbeTarget target,
      List<CipherSuite> suites,
      List<SignatureScheme> remaining,
      List<String> accepted) {
    if (remaining.isEmpty()) {
      return Mono.just(new Found(accepted, null));
    }
    return raw.offer(
            target,
            ProtocolVersion.TLSv1_2,
            suites,
            offered -> hello(target, offered, List.copyOf(remaining)))
        .flatMap(
            offered -> {
              ServerResponse answer = offered.response();
              if (answer instanceof ServerResponse.Alert
                  || answer instanceof ServerResponse.Closed
                  || refusedAfterHello(answer)) {
                return Mono.just(
                    accepted.isEmpty()
                        ? unknown(
                            "no signed TLS 1.2 ServerKeyExchange with every algorithm offered: "
                                + RawAnswers.describe(answer))
                        : new Found(accepted, null));
              }
              OptionalInt code = signedWith(answer);
              if (code.isEmpty()) {
                return Mono.just(
                    unknown("no signed TLS 1.2 ServerKeyExchange: " + RawAnswers.describe(answer)));
              }
              SignatureScheme scheme = SignatureScheme.byCode(code.getAsInt()).orElse(null);
              if (scheme == null || !remaining.contains(scheme)) {
                return Mono.just(
                    unknown(
                        String.format(
                            "the server signed with 0x%04x, which was not offered",
                            code.getAsInt())));
              }
              remaining.remove(scheme);
              accepted.add(scheme.ianaName());
              return next(target, offered.offered(), remaining, accepted);
            });
  }

  private static ClientHello hello(
      ProbeTarget target, List<CipherSuite> suites, List<SignatureScheme> schemes) {
    return Hellos.builder(ProtocolVersion.TLSv1_2, target.serverName())
        .cipherSuites(suites)
        .signatureSchemes(schemes)
        .build();
  }

  /**
   * Whether the server answered with a ServerHello but then, instead of a signed ServerKeyExchange,
   * an alert (Go's way of refusing when no algorithm offered is one it can sign with) or a close
   * (JSSE's HttpsServer).
   */
  private static boolean refusedAfterHello(ServerResponse answer) {
    return answer instanceof ServerResponse.ServerHello hello
        && hello
            .flight()
            .filter(flight -> flight.refused() && flight.signatureScheme().isEmpty())
            .isPresent();
  }

  private static OptionalInt signedWith(ServerResponse answer) {
    if (answer instanceof ServerResponse.ServerHello hello
        && hello.version() == ProtocolVersion.TLSv1_2
        && hello.flight().isPresent()) {
      return hello.flight().get().signatureScheme();
    }
    return OptionalInt.empty();
  }
}
