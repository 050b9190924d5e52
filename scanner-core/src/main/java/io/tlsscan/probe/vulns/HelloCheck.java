package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.raw.Conversation;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.TlsRecord;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * One connection for three checks. A hello of the newest version below TLS 1.3 the server accepts,
 * offering DEFLATE before null compression and the heartbeat extension, with the renegotiation_info
 * extension (or, for SSLv3, the SCSV) that every raw hello carries; once the server's flight is in,
 * a heartbeat request (RFC 6520) that claims a 16384-byte payload but carries none.
 *
 * <ul>
 *   <li>{@code secure_renegotiation}: the ServerHello carries renegotiation_info (RFC 5746).
 *   <li>{@code compression}: the ServerHello picks DEFLATE.
 *   <li>{@code heartbleed}: the server answers the heartbeat with more payload than the request
 *       carried (3 bytes): it copied its own memory into the reply. A server that ignores the
 *       request, refuses it or closes is not vulnerable.
 * </ul>
 *
 * <p>A server that accepts only TLS 1.3 has none of the three (TLS 1.3 has no renegotiation, no
 * compression and no heartbeat): no connection is made.
 */
final class HelloCheck {
  static final Set<Weakness> CHECKS =
      Set.of(Weakness.SECURE_RENEGOTIATION, Weakness.COMPRESSION, Weakness.HEARTBLEED);

  /** The payload_length the heartbeat request claims: the most one record can carry. */
  private static final int CLAIMED_PAYLOAD = 1 << 14;

  private static final int HEARTBEAT_REQUEST = 1;
  private static final int DEFLATE = 1;

  private final RawHelloClient client;
  private final Duration listen;

  HelloCheck(RawHelloClient client, Duration listen) {
    this.client = requireNonNull(client, "client");
    this.listen = requireNonNull(listen, "listen");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, Optional<LegacyOffer> offer) {
    if (offer.isEmpty()) {
      Map<Weakness, WeaknessVerdict> tls13Only = new EnumMap<>(Weakness.class);
      tls13Only.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(true));
      tls13Only.put(Weakness.COMPRESSION, WeaknessVerdict.of(false));
      tls13Only.put(Weakness.HEARTBLEED, WeaknessVerdict.of(false));
      return Mono.just(tls13Only);
    }
    LegacyOffer legacy = offer.get();
    if (legacy.suites().isEmpty()) {
      return Mono.just(
          Refusals.all(
              CHECKS,
              WeaknessVerdict.inconclusive(
                  "no suite of " + legacy.version().reportName() + " is known to be accepted")));
    }
    ClientHello hello =
        legacy.hello(target.serverName()).offerDeflate(true).heartbeat(true).build();
    byte[] heartbeat =
        TlsRecord.encode(
            TlsRecord.HEARTBEAT,
            legacy.version().wireCode(),
            new byte[] {HEARTBEAT_REQUEST, (byte) (CLAIMED_PAYLOAD >> 8), (byte) CLAIMED_PAYLOAD});
    return Refusals.orUndecided(
        client.converse(target, hello, answer -> List.of(heartbeat), listen).map(HelloCheck::judge),
        CHECKS);
  }

  /** The verdicts on one conversation. */
  static Map<Weakness, WeaknessVerdict> judge(Conversation conversation) {
    if (!(conversation.answer() instanceof ServerResponse.ServerHello hello)) {
      return Refusals.refused(conversation.answer(), CHECKS);
    }
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    verdicts.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(hello.secureRenegotiation()));
    verdicts.put(Weakness.COMPRESSION, WeaknessVerdict.of(hello.compressionMethod() == DEFLATE));
    verdicts.put(Weakness.HEARTBLEED, heartbleed(conversation.replies()));
    return verdicts;
  }

  private static WeaknessVerdict heartbleed(List<Conversation.Reply> replies) {
    if (replies.isEmpty()) {
      return WeaknessVerdict.undecided(ErrorKind.RESET, "the heartbeat request was not answered");
    }
    Conversation.Reply reply = replies.get(0);
    int echoed = reply.payloadBytes(TlsRecord.HEARTBEAT);
    if (echoed > 3) {
      return WeaknessVerdict.of(true);
    }
    if (reply.end() == Conversation.End.MALFORMED) {
      return WeaknessVerdict.inconclusive("the reply to the heartbeat request was not TLS records");
    }
    return WeaknessVerdict.of(false);
  }
}
