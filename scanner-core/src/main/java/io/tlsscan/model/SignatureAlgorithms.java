package io.tlsscan.model;

import java.util.List;

/**
 * The signature algorithms (IANA SignatureScheme names) a server signs its handshake with, per
 * version.
 *
 * @param tls12 those it signs a TLS 1.2 ServerKeyExchange with, in the order it picks them;
 *     {@code null} when not known ({@code tls12Error} says why)
 * @param tls12Error why {@code tls12} is {@code null}; {@code null} otherwise
 * @param tls13 those of TLS 1.3; {@code null} when not known ({@code tls13Error} says why)
 * @param tls13Error why {@code tls13} is {@code null}; {@code null} otherwise
 */
public record SignatureAlgorithms(
    List<String> tls12, String tls12Error, List<String> tls13, String tls13Error) {
  public SignatureAlgorithms {
    tls12 = tls12 == null ? null : List.copyOf(tls12);
    tls13 = tls13 == null ? null : List.copyOf(tls13);
  }
}
