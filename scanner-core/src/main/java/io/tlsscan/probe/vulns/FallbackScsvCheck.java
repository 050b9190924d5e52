package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.tls.AlertDescription;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code fallback_scsv} (RFC 7507): a hello for the second-newest version the server accepts, with
 * suites it accepts there and TLS_FALLBACK_SCSV, as a client retrying after a failed handshake
 * would send. {@code true} when the server answers inappropriate_fallback, {@code false} when it
 * goes on with the lower version; undecided when it accepts only one version (there is nothing to
 * fall back to) or answers otherwise. One connection, none with a single version.
 */
final class FallbackScsvCheck {
  static final Set<Weakness> CHECKS = Set.of(Weakness.FALLBACK_SCSV);

  private final RawHelloClient client;

  FallbackScsvCheck(RawHelloClient client) {
    this.client = requireNonNull(client, "client");
  }

  Mono<Map<Weakness, WeaknessVerdict>> run(
      ProbeTarget target, ProtocolsResult protocols, CipherSupport ciphers) {
    List<ProtocolVersion> accepted =
        protocols.acceptedVersions().stream().filter(v -> v != ProtocolVersion.SSLv2).toList();
    if (accepted.size() < 2) {
      return Mono.just(
          Refusals.all(
              CHECKS,
              WeaknessVerdict.inconclusive(
                  "the server accepts only one version: there is no fallback to refuse")));
    }
    LegacyOffer lower = LegacyOffer.of(accepted.get(accepted.size() - 2), ciphers);
    if (lower.suites().isEmpty()) {
      return Mono.just(
          Refusals.all(
              CHECKS,
              WeaknessVerdict.inconclusive(
                  "no suite of " + lower.version().reportName() + " is known to be accepted")));
    }
    var hello = lower.hello(target.serverName(), CipherSuite.TLS_FALLBACK_SCSV).build();
    return Refusals.orUndecided(
        client.ask(target, lower.version(), hello).map(answer -> judge(answer, lower.version())),
        CHECKS);
  }

  private static Map<Weakness, WeaknessVerdict> judge(
      ServerResponse answer, ProtocolVersion lower) {
    if (answer instanceof ServerResponse.Alert alert
        && alert.description() == AlertDescription.INAPPROPRIATE_FALLBACK.code()) {
      return Map.of(Weakness.FALLBACK_SCSV, WeaknessVerdict.of(true));
    }
    if (answer.accepts(lower)) {
      return Map.of(Weakness.FALLBACK_SCSV, WeaknessVerdict.of(false));
    }
    return Refusals.refused(answer, CHECKS);
  }
}
