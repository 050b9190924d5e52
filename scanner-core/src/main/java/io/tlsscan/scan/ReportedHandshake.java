package io.tlsscan.scan;

import io.tlsscan.model.Handshake;
import io.tlsscan.model.ScanError;
import io.tlsscan.probe.handshake.HandshakeResult;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.protocols.RawHelloFacts;
import java.util.List;
import java.util.Optional;

/**
 * The handshake as the record reports it: BoringSSL's when it completed; else, for a server that
 * accepts only what BoringSSL cannot offer, the newest complete raw hello among the protocols
 * probe's answers (not for a server that asked for a client certificate: its refusal is not about
 * suites); else the handshake's error, with whatever chain arrived before it.
 *
 * @param handshake the negotiated parameters; empty exactly when {@code error} is set
 * @param chain the DER certificates the server sent; empty when none arrived
 * @param error why the target could not be scanned, or {@code null}
 */
record ReportedHandshake(Optional<Handshake> handshake, List<byte[]> chain, ScanError error) {

  /**
   * @param protocols the protocols probe's answers, or {@code null} when it did not complete
   */
  static ReportedHandshake of(HandshakeResult result, ProtocolsResult protocols) {
    if (result instanceof HandshakeResult.Completed completed) {
      return new ReportedHandshake(Optional.of(completed.handshake()), result.chain(), null);
    }
    HandshakeResult.Failed failed = (HandshakeResult.Failed) result;
    Optional<RawHelloFacts> raw =
        Optional.ofNullable(protocols)
            .filter(p -> !failed.clientCertificateRequested())
            .flatMap(RawHelloFacts::from);
    if (raw.isPresent()) {
      return new ReportedHandshake(Optional.of(raw.get().handshake()), raw.get().chain(), null);
    }
    ScanError error =
        new ScanError(failed.failure().kind(), failed.phase(), failed.failure().message());
    return new ReportedHandshake(Optional.empty(), result.chain(), error);
  }
}
