package io.tlsscan.probe.dtls;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Endpoint;
import io.tlsscan.net.Failure;
import io.tlsscan.net.FailureClassifier;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.RawHelloFacts;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.SuiteOffers;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The first contact with a DTLS target, in place of the TLS library's full handshake (BoringSSL has
 * no DTLS client here): one raw DTLS 1.2 hello with the common suites, cookie exchange included,
 * read up to ServerHelloDone. A DTLS 1.0 server answers it in DTLS 1.0. The negotiated version and
 * suite and the certificate chain come from that flight, so the record's {@code handshake.source}
 * is {@code raw_hello}; the chain is judged by the same certificate probe as a TLS server's. An
 * alert or an unreadable answer is a failed handshake that still shows a DTLS server, so the
 * protocols and ciphers probes run (over UDP, see {@link io.tlsscan.probe.raw.RawHelloClient#ask});
 * silence and ICMP port unreachable end the target as {@code timeout} and {@code refused}.
 */
public final class DtlsHandshake {
  private final DtlsHelloClient client = new DtlsHelloClient();

  /**
   * Says hello to the DTLS server at {@code address}.
   *
   * @param sni the server name to send, or {@code null} for none
   * @param tracker told about the exchange, counted as one connection
   */
  public Mono<HandshakeResult> run(
      InetSocketAddress address, String sni, ConnectionTracker tracker) {
    DtlsVersion version = DtlsVersion.DTLSv1_2;
    ProbeTarget target = new ProbeTarget(Endpoint.tls(address, sni), tracker, 1, Transport.DTLS);
    return client
        .ask(
            target,
            version,
            Hellos.offering(version.tls(), SuiteOffers.chunks(version.tls()).get(0), sni),
            true)
        .map(DtlsHandshake::result)
        .onErrorResume(
            error ->
                Mono.just(
                    new HandshakeResult.Failed(
                        FailureClassifier.classify(error), "handshake", List.of(), false)));
  }

  private static HandshakeResult result(ServerResponse response) {
    Optional<RawHelloFacts> facts = RawHelloFacts.of(response, Transport.DTLS);
    if (facts.isPresent()) {
      // a raw hello's answer: no staple is asked for, and its ServerHello is a DTLS one
      return new HandshakeResult.Completed(
          facts.get().handshake(), facts.get().chain(), new byte[0], new byte[0]);
    }
    return new HandshakeResult.Failed(failure(response), "handshake", chain(response), false);
  }

  private static Failure failure(ServerResponse response) {
    if (response instanceof ServerResponse.Alert alert) {
      return new Failure(ErrorKind.TLS_ALERT, "server sent fatal alert " + alert.descriptionName());
    }
    if (response instanceof ServerResponse.NotTls notTls) {
      return new Failure(ErrorKind.NOT_TLS, "server answered with " + notTls.description());
    }
    if (response instanceof ServerResponse.ServerHello hello) {
      String reason =
          hello.flight().flatMap(ServerFlight::incompleteReason).orElse("flight incomplete");
      return new Failure(ErrorKind.HANDSHAKE_FAILED, "handshake failed: " + reason);
    }
    return new Failure(ErrorKind.HANDSHAKE_FAILED, "handshake failed: " + response);
  }

  private static List<byte[]> chain(ServerResponse response) {
    return response instanceof ServerResponse.ServerHello hello
        ? hello.flight().map(ServerFlight::certificates).orElse(List.of())
        : List.of();
  }
}
