package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The report's {@code session} section: what the server keeps and sends besides the certificate.
 *
 * @param ocsp the stapled OCSP response, judged; {@code null} when the server stapled none
 * @param scts every Signed Certificate Timestamp found, certificate's first, then the staple's
 * @param alpn the application protocols the server accepts, of those offered one at a time, in
 *     offer order; {@code null} when an offer could not be decided ({@code alpnError} says why)
 * @param alpnError why {@code alpn} is {@code null}; {@code null} otherwise
 * @param tls12 session resumption and extended master secret in TLS 1.2; {@code null} when not
 *     known ({@code tls12Error} says why, e.g. the server has no TLS 1.2)
 * @param tls12Error why {@code tls12} is {@code null}; {@code null} otherwise
 * @param tls13 the session ticket of TLS 1.3 and resumption from it; {@code null} when not known
 *     ({@code tls13Error} says why, e.g. the server has no TLS 1.3)
 * @param tls13Error why {@code tls13} is {@code null}; {@code null} otherwise
 * @param sigalgs the signature algorithms the server signs its handshake with, per version
 */
public record SessionReport(
    OcspStaple ocsp,
    List<SignedTimestamp> scts,
    List<String> alpn,
    String alpnError,
    Tls12Resumption tls12,
    String tls12Error,
    Tls13Resumption tls13,
    String tls13Error,
    SignatureAlgorithms sigalgs) {
  public SessionReport {
    scts = List.copyOf(scts);
    alpn = alpn == null ? null : List.copyOf(alpn);
    requireNonNull(sigalgs, "sigalgs");
  }
}
