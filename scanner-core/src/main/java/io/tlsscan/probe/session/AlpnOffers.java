package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.ProbeTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which application protocols the server accepts: one full handshake per protocol of {@link
 * #OFFERED}, each offering that protocol alone by ALPN (RFC 7301), reading the one the server
 * selects. Full handshakes rather than raw hellos because TLS 1.3 sends the selection encrypted
 * (EncryptedExtensions). An offer the server completes without selecting it, or refuses with
 * alert no_application_protocol, is not accepted; any other failure leaves the answer undecided.
 * At most {@code target.parallelism()} offers at a time; one connection each.
 */
final class AlpnOffers {
  /** The protocols offered, in order (IANA ALPN protocol IDs). */
  static final List<String> OFFERED = List.of("h2", "http/1.1", "http/1.0", "spdy/3.1", "h3");

  private final HandshakeProbe handshakes;

  AlpnOffers(HandshakeProbe handshakes) {
    this.handshakes = requireNonNull(handshakes, "handshakes");
  }

  /** The accepted protocols in offer order, or why one offer could not be decided. */
  Mono<Answer> ask(ProbeTarget target) {
    return Flux.fromIterable(OFFERED)
        .flatMapSequential(
            protocol ->
                handshakes
                    .offering(protocol, target.address(), target.serverName(), target.tracker())
                    .map(result -> verdict(protocol, result)),
            target.parallelism())
        .collectList()
        .map(Answer::of);
  }

  /** One offer's verdict: accepted, refused, or undecided with the reason. */
  private record Verdict(String protocol, boolean accepted, String undecided) {}

  private static Verdict verdict(String protocol, HandshakeResult result) {
    if (result instanceof HandshakeResult.Completed completed) {
      return new Verdict(protocol, protocol.equals(completed.handshake().alpn()), null);
    }
    HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
    if (failed.failure().kind() == ErrorKind.TLS_ALERT
        && failed.failure().message().endsWith("no_application_protocol")) {
      return new Verdict(protocol, false, null);
    }
    return new Verdict(protocol, false, "offering " + protocol + ": " + failed.failure().message());
  }

  /**
   * @param accepted the accepted protocols in offer order; {@code null} when undecided
   * @param undecided why an offer could not be decided; {@code null} when all were
   */
  record Answer(List<String> accepted, String undecided) {
    private static Answer of(List<Verdict> verdicts) {
      Optional<String> undecided =
          verdicts.stream().map(Verdict::undecided).filter(Objects::nonNull).findFirst();
      if (undecided.isPresent()) {
        return new Answer(null, undecided.get());
      }
      return new Answer(
          verdicts.stream().filter(Verdict::accepted).map(Verdict::protocol).toList(), null);
    }
  }
}
