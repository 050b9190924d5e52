package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rest of a TLS 1.2 (or older) server's first flight after its ServerHello, up to
 * ServerHelloDone: the certificate chain and the key-exchange parameters.
 *
 * @param certificates DER certificates as sent, leaf first (at most {@link
 *     ServerResponseDecoder#MAX_CERTIFICATES})
 * @param keyExchange the ServerKeyExchange parameters, when one was sent and understood
 * @param signatureScheme the code of the signature algorithm a TLS 1.2 ServerKeyExchange names (RFC
 *     5246 section 7.4.3), when there is one and its parameters were understood (ECDHE over a named
 *     curve, DHE)
 * @param incompleteReason empty when ServerHelloDone was read; else why reading stopped early (what
 *     was read until then is still given)
 * @param alert the description of the alert that ended the flight before ServerHelloDone, if one
 *     did: a refusal after the ServerHello (e.g. no signature algorithm left to sign with)
 * @param closed whether the server closed the connection before ServerHelloDone, without an alert:
 *     another way to refuse after the ServerHello (JSSE's HttpsServer with no algorithm to sign
 *     with)
 * @param resumed whether the server went from its ServerHello (and a NewSessionTicket) straight to
 *     ChangeCipherSpec: the abbreviated handshake of a resumed session (RFC 5246 §7.3), with no
 *     certificate and no ServerHelloDone
 */
public record ServerFlight(
    List<byte[]> certificates,
    Optional<KeyExchangeParameters> keyExchange,
    OptionalInt signatureScheme,
    Optional<String> incompleteReason,
    OptionalInt alert,
    boolean closed,
    boolean resumed) {
  public ServerFlight {
    List<byte[]> copies = new ArrayList<>(certificates.size());
    certificates.forEach(der -> copies.add(der.clone()));
    certificates = List.copyOf(copies);
    requireNonNull(keyExchange, "keyExchange");
    requireNonNull(signatureScheme, "signatureScheme");
    requireNonNull(incompleteReason, "incompleteReason");
    requireNonNull(alert, "alert");
  }

  /** Whether the server ended the flight before ServerHelloDone with an alert or a close. */
  public boolean refused() {
    return alert.isPresent() || closed;
  }

  /** Whether the whole flight up to ServerHelloDone was read. */
  public boolean complete() {
    return incompleteReason.isEmpty();
  }
}
