package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.raw.Conversation;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.AlertDescription;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.TlsRecord;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code ccs_injection} (CVE-2014-0224): after the server's flight, a ChangeCipherSpec before any
 * key exchange, then a second one. A patched server refuses the first (unexpected_message, or it
 * closes): {@code false}. A vulnerable one takes it, switches to keys made from an empty master
 * secret, and then fails to decrypt the second record (bad_record_mac or decryption_failed): {@code
 * true}. Silence to both, or a close after a silent first, cannot be told apart. The records
 * usually follow {@link HelloCheck}'s hello; this check makes a connection of its own only when
 * that one could not carry them.
 */
final class CcsInjectionCheck {
  static final Set<Weakness> CHECKS = Set.of(Weakness.CCS_INJECTION);

  private final RawHelloClient client;
  private final Duration listen;

  CcsInjectionCheck(RawHelloClient client, Duration listen) {
    this.client = requireNonNull(client, "client");
    this.listen = requireNonNull(listen, "listen");
  }

  /** The check on a connection of its own, with a plain hello of {@code legacy}. */
  Mono<Map<Weakness, WeaknessVerdict>> run(ProbeTarget target, LegacyOffer legacy) {
    ClientHello hello = legacy.hello(target.serverName()).build();
    return Refusals.orUndecided(
        client
            .converse(target, hello, answer -> records(legacy.version()), listen)
            .map(CcsInjectionCheck::judge),
        CHECKS);
  }

  /** The two ChangeCipherSpec records sent after the server's flight. */
  static List<byte[]> records(ProtocolVersion version) {
    byte[] ccs = TlsRecord.encode(TlsRecord.CHANGE_CIPHER_SPEC, version.wireCode(), new byte[] {1});
    return List.of(ccs, ccs);
  }

  private static Map<Weakness, WeaknessVerdict> judge(Conversation conversation) {
    if (!(conversation.answer() instanceof ServerResponse.ServerHello hello)) {
      return Refusals.refused(conversation.answer(), CHECKS);
    }
    if (Refusals.flightCutShort(hello)) {
      return Map.of(Weakness.CCS_INJECTION, Refusals.cutShort(hello));
    }
    return Map.of(Weakness.CCS_INJECTION, verdict(conversation.replies()));
  }

  /** The verdict on the replies to {@link #records}. */
  static WeaknessVerdict verdict(List<Conversation.Reply> replies) {
    if (replies.isEmpty()) {
      return WeaknessVerdict.inconclusive("the ChangeCipherSpec was not answered");
    }
    Conversation.Reply first = replies.get(0);
    if (first.firstAlert() >= 0 || first.end() == Conversation.End.CLOSED) {
      return WeaknessVerdict.of(false);
    }
    if (replies.size() < 2) {
      return WeaknessVerdict.inconclusive("the reply to the ChangeCipherSpec was not TLS records");
    }
    Conversation.Reply second = replies.get(1);
    if (decryptionFailed(second.firstAlert())) {
      return WeaknessVerdict.of(true);
    }
    if (second.firstAlert() >= 0) {
      return WeaknessVerdict.of(false);
    }
    return WeaknessVerdict.inconclusive(
        "the server neither refused an early ChangeCipherSpec nor showed it took it ("
            + second.end().name().toLowerCase(Locale.ROOT)
            + ")");
  }

  private static boolean decryptionFailed(int alert) {
    return alert == AlertDescription.BAD_RECORD_MAC.code()
        || alert == AlertDescription.DECRYPTION_FAILED.code();
  }
}
