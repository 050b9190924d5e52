package io.tlsscan.probe.session;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.raw.ProbeTarget;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Which application protocols the server accepts, by full handshakes offering by ALPN (RFC 7301)
 * the protocols of {@link #OFFERED} not yet seen selected: the server selects one it accepts, which
 * is taken out of the next offer, until it selects none of those offered (completes without ALPN,
 * or refuses with alert no_application_protocol). Full handshakes rather than raw hellos because
 * TLS 1.3 sends the selection encrypted (EncryptedExtensions). Any other failure leaves the answer
 * undecided. The scan's full handshake was the first such offer ({@link
 * HandshakeProbe#DEFAULT_ALPN}): what it selected, or that it selected none of those, is where the
 * elimination starts. One connection per accepted protocol (but the one that handshake selected),
 * plus one; one at a time.
 */
final class AlpnOffers {
  /** The protocols offered, in order (IANA ALPN protocol IDs). */
  static final List<String> OFFERED = List.of("h2", "http/1.1", "http/1.0", "spdy/3.1", "h3");

  private final HandshakeProbe handshakes;

  AlpnOffers(HandshakeProbe handshakes) {
    this.handshakes = requireNonNull(handshakes, "handshakes");
  }

  /**
   * The accepted protocols in offer order, or why one offer could not be decided.
   *
   * @param first the scan's full handshake, which offered {@link HandshakeProbe#DEFAULT_ALPN}
   */
  Mono<Answer> ask(ProbeTarget target, HandshakeResult first) {
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
    return ask(target, rest, accepted);
  }

  private Mono<Answer> ask(ProbeTarget target, List<String> offer, List<String> accepted) {
    if (offer.isEmpty()) {
      return Mono.just(Answer.of(accepted));
    }
    return handshakes
        .offering(offer, target.endpoint(), target.tracker())
        .flatMap(
            result -> {
              Selection selection = selection(offer, result);
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
              return ask(target, rest, more);
            });
  }

  /**
   * What the server did with one offer: selected {@code protocol} ({@code null}: none of those
   * offered), or {@code undecided} with the reason.
   */
  private record Selection(String protocol, String undecided) {}

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
    return new Selection(
        null, "offering " + String.join(", ", offer) + ": " + failed.failure().message());
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
