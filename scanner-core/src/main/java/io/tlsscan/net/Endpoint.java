package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import io.tlsscan.target.StarttlsProtocol;
import java.net.InetSocketAddress;

/**
 * Where every connection of a target goes and what is spoken on it before TLS.
 *
 * @param address the server's address
 * @param host the target's host name or IP literal (XMPP's stream {@code to})
 * @param sni the server name to send in TLS, or {@code null} for none
 * @param starttls the protocol spoken before TLS, or {@code null} for TLS from the first byte
 */
public record Endpoint(
    InetSocketAddress address, String host, String sni, StarttlsProtocol starttls) {
  public Endpoint {
    requireNonNull(address, "address");
    requireNonNull(host, "host");
  }

  /** A plain-TLS endpoint at {@code address} with SNI {@code sni} ({@code null} for none). */
  public static Endpoint tls(InetSocketAddress address, String sni) {
    return new Endpoint(address, sni != null ? sni : address.getHostString(), sni, null);
  }
}
