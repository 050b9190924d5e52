package io.tlsscan.target;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;

/**
 * One endpoint to scan, as read from a host list.
 *
 * <p>Examples: {@code example.com} gives host {@code example.com}, port 443, no connect address
 * (resolve the name), SNI {@code example.com}; {@code [2001:db8::1]:8443} gives host {@code
 * 2001:db8::1}, connect address 2001:db8::1 and no SNI; {@code example.com 10.0.0.5} connects to
 * 10.0.0.5, sends SNI {@code example.com} and checks the certificate against that name.
 *
 * @param input the line as given (comment included) without surrounding spaces and tabs
 * @param line 1-based line number in the host list, or argument position on the command line
 * @param host lower-case ASCII DNS name (IDN converted to A-labels, no trailing dot) or IP literal
 *     text (IPv6 in RFC 5952 compressed form, without brackets)
 * @param port TCP port (UDP for DTLS), 1-65535
 * @param connectAddress the address to connect to, or {@code null} when {@code host} is a DNS name
 *     that must be resolved; set both for an IP-literal host and for an explicit connect address
 * @param sni the server name to send and to check the certificate against, or {@code null} when
 *     {@code host} is an IP literal
 * @param starttls the protocol spoken before TLS ({@code smtp://host}, or {@code host:25} with
 *     {@code --starttls auto}), or {@code null} for TLS from the first byte
 * @param transport TLS over TCP, or DTLS over UDP for {@code dtls://} lines
 * @param scheme the URL scheme the line named ({@code smtps://host}), or {@code null} for a line
 *     without one
 */
public record Target(
    String input,
    long line,
    String host,
    int port,
    InetAddress connectAddress,
    String sni,
    StarttlsProtocol starttls,
    Transport transport,
    Scheme scheme)
    implements HostListEntry {
  public Target {
    requireNonNull(input, "input");
    requireNonNull(host, "host");
    requireNonNull(transport, "transport");
    if (starttls != null && transport != Transport.TCP) {
      throw new IllegalArgumentException("STARTTLS runs over TCP, not " + transport);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " out of range 1-65535");
    }
  }

  /** A target spoken to in TLS over TCP from the first byte. */
  public Target(
      String input, long line, String host, int port, InetAddress connectAddress, String sni) {
    this(input, line, host, port, connectAddress, sni, null, Transport.TCP, null);
  }

  /**
   * Whether HTTP may follow the handshake: a line naming no scheme or {@code https}, TLS over TCP
   * from the first byte. Mail, directory and database servers are not asked for a web page.
   */
  public boolean mayServeHttp() {
    return transport == Transport.TCP
        && starttls == null
        && (scheme == null || scheme.name().equals("https"));
  }

  /** The same target at another address (one of its name's, with {@code --all-ips}). */
  public Target at(InetAddress address) {
    return new Target(input, line, host, port, address, sni, starttls, transport, scheme);
  }
}
