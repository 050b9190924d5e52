package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.raw.Conversation;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ProtocolVersion;
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
 * One connection for three checks, and most often a fourth. A hello of the newest version below TLS
 * 1.3 the server accepts, offering DEFLATE before null compression and the heartbeat extension,
 * with the renegotiation_info extension (or, for SSLv3, the SCSV) that every raw hello carries.
 *
 * <ul>
 *   <li>{@code secure_renegotiation}: the ServerHello carries renegotiation_info (RFC 5746).
 *   <li>{@code compression}: the ServerHello picks DEFLATE.
 *   <li>{@code heartbleed}: when the ServerHello agrees to heartbeats (or the hello, SSLv3, could
 *       not offer them), a heartbeat request (RFC 6520) that claims a 16384-byte payload but
 *       carries none follows the server's flight; the server is vulnerable when it answers with
 *       more payload than the request carried (3 bytes): it copied its own memory into the reply. A
 *       server that ignores the request, refuses it or closes is not vulnerable; nor is one that
 *       does not agree to heartbeats offered in a TLS hello, as every vulnerable OpenSSL (1.0.1 to
 *       1.0.1f) agreed when offered them. A server that ends its flight before ServerHelloDone
 *       leaves it undecided: the request would test nothing.
 *   <li>{@code ccs_injection}: a server that agrees neither to heartbeats nor to DEFLATE and
 *       completes its flight gets the {@link CcsInjectionCheck}'s records on this connection;
 *       otherwise, or when the hello is not answered with a ServerHello or the connection fails,
 *       that check makes its own.
 * </ul>
 *
 * <p>A server that accepts only TLS 1.3 has none of the four (TLS 1.3 has no renegotiation, no
 * compression, no heartbeat and no ChangeCipherSpec state to confuse): no connection is made.
 */
final class HelloCheck {
  static final Set<Weakness> CHECKS =
      Set.of(Weakness.SECURE_RENEGOTIATION, Weakness.COMPRESSION, Weakness.HEARTBLEED);

  /** The checks when this connection carries ccs_injection too. */
  private static final Set<Weakness> WITH_CCS =
      Set.of(
          Weakness.SECURE_RENEGOTIATION,
          Weakness.COMPRESSION,
          Weakness.HEARTBLEED,
          Weakness.CCS_INJECTION);

  /** The payload_length the heartbeat request claims: the most one record can carry. */
  private static final int CLAIMED_PAYLOAD = 1 << 14;

  private static final int HEARTBEAT_REQUEST = 1;
  private static final int DEFLATE = 1;

  private static final int NULL_COMPRESSION = 0;

  private final RawHelloClient client;
  private final Duration listen;
  private final CcsInjectionCheck ccs;

  HelloCheck(RawHelloClient client, Duration listen, CcsInjectionCheck ccs) {
    this.client = requireNonNull(client, "client");
    this.listen = requireNonNull(listen, "listen");
    this.ccs = requireNonNull(ccs, "ccs");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, Optional<LegacyOffer> offer) {
    if (offer.isEmpty()) {
      Map<Weakness, WeaknessVerdict> tls13Only = new EnumMap<>(Weakness.class);
      tls13Only.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(true));
      tls13Only.put(Weakness.COMPRESSION, WeaknessVerdict.of(false));
      tls13Only.put(Weakness.HEARTBLEED, WeaknessVerdict.of(false));
      tls13Only.put(Weakness.CCS_INJECTION, WeaknessVerdict.of(false));
      return Mono.just(tls13Only);
    }
    LegacyOffer legacy = offer.get();
    if (legacy.suites().isEmpty()) {
      return Mono.just(
          Refusals.all(
              WITH_CCS,
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
    boolean offered = offersHeartbeat(legacy.version());
    Mono<Map<Weakness, WeaknessVerdict>> verdicts =
        client
            .converse(
                target,
                hello,
                answer -> followUps(answer, offered, heartbeat, legacy.version()),
                listen)
            .map(conversation -> judge(conversation, offered));
    return Refusals.orUndecided(verdicts, CHECKS)
        .flatMap(
            found ->
                found.containsKey(Weakness.CCS_INJECTION)
                    ? Mono.just(found)
                    : ccs.run(target, legacy).map(own -> with(found, own)));
  }

  /**
   * Whether a hello of {@code version} can offer heartbeats: SSLv3 hellos carry no extensions, so
   * an SSLv3 server's silence on them says nothing.
   */
  private static boolean offersHeartbeat(ProtocolVersion version) {
    return version != ProtocolVersion.SSLv3;
  }

  /** Whether the heartbeat request is sent: the server agreed, or could not be asked. */
  private static boolean sendsHeartbeat(ServerResponse.ServerHello answer, boolean offered) {
    return answer.heartbeat() || !offered;
  }

  /**
   * The heartbeat request, the ChangeCipherSpec records, or nothing (DEFLATE, or a flight cut
   * short, without heartbeat).
   */
  private static List<byte[]> followUps(
      ServerResponse.ServerHello answer,
      boolean offered,
      byte[] heartbeat,
      ProtocolVersion version) {
    if (sendsHeartbeat(answer, offered)) {
      return List.of(heartbeat);
    }
    return carriesCcs(answer, offered) ? CcsInjectionCheck.records(version) : List.of();
  }

  private static boolean carriesCcs(ServerResponse.ServerHello answer, boolean offered) {
    return !sendsHeartbeat(answer, offered)
        && answer.compressionMethod() == NULL_COMPRESSION
        && !Refusals.flightCutShort(answer);
  }

  /**
   * The verdicts on one conversation after a hello that {@code offered} heartbeats or not: {@code
   * ccs_injection} too when the conversation tried it.
   */
  static Map<Weakness, WeaknessVerdict> judge(Conversation conversation, boolean offered) {
    if (!(conversation.answer() instanceof ServerResponse.ServerHello hello)) {
      return Refusals.refused(conversation.answer(), CHECKS);
    }
    Map<Weakness, WeaknessVerdict> verdicts = new EnumMap<>(Weakness.class);
    verdicts.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(hello.secureRenegotiation()));
    verdicts.put(Weakness.COMPRESSION, WeaknessVerdict.of(hello.compressionMethod() == DEFLATE));
    if (!sendsHeartbeat(hello, offered)) {
      verdicts.put(Weakness.HEARTBLEED, WeaknessVerdict.of(false));
    } else if (Refusals.flightCutShort(hello)) {
      verdicts.put(Weakness.HEARTBLEED, Refusals.cutShort(hello));
    } else {
      verdicts.put(Weakness.HEARTBLEED, heartbleed(conversation.replies()));
    }
    if (carriesCcs(hello, offered)) {
      verdicts.put(Weakness.CCS_INJECTION, CcsInjectionCheck.verdict(conversation.replies()));
    }
    return verdicts;
  }

  private static Map<Weakness, WeaknessVerdict> with(
      Map<Weakness, WeaknessVerdict> found, Map<Weakness, WeaknessVerdict> more) {
    Map<Weakness, WeaknessVerdict> all = new EnumMap<>(found);
    all.putAll(more);
    return all;
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
