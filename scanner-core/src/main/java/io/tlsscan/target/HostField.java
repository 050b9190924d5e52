package io.tlsscan.target;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The first field of a host-list line, {@code HOST[:PORT[,PORT...]]}, split into hosts and ports.
 *
 * <p>Accepted forms: {@code example.com}, {@code example.com:8443}, {@code example.com:443,8443},
 * {@code 192.0.2.1:443}, {@code [2001:db8::1]:443}, a bare {@code 2001:db8::1} (no port can follow:
 * every colon belongs to the address), CIDR ranges {@code 10.1.2.0/30:443} and {@code
 * [2001:db8::]/126:443}, {@code SCHEME://host[:port][/path]} URLs (path ignored) with a {@link
 * Scheme} such as {@code https}, {@code smtp} or {@code imaps}, whose port is the default, and
 * {@code dtls://host:port} for DTLS over UDP (the port is required: DTLS has no usual one).
 *
 * @param hosts one host or a range of addresses
 * @param ports the ports to scan on each host, at least one
 * @param scheme the URL's scheme, or {@code null} when the field is no URL or a {@code dtls://} one
 * @param transport TCP, or DTLS for {@code dtls://}
 */
record HostField(HostSet hosts, List<Integer> ports, Scheme scheme, Transport transport) {
  private static final String URL_SEPARATOR = "://";
  private static final String DTLS = "dtls";
  private static final Pattern URL_AUTHORITY_END = Pattern.compile("[/?#]");

  static HostField parse(String token, int defaultPort) throws InvalidLineException {
    int scheme = token.indexOf(URL_SEPARATOR);
    if (scheme < 0) {
      return parseAuthority(token, token, defaultPort);
    }
    String name = token.substring(0, scheme);
    if (name.equalsIgnoreCase(DTLS)) {
      return parseDtls(token, authority(token, scheme));
    }
    Scheme known =
        Scheme.byName(name)
            .orElseThrow(
                () ->
                    new InvalidLineException(
                        "unknown URL scheme "
                            + InputText.quote(name)
                            + "; known: "
                            + Scheme.names()
                            + ", "
                            + DTLS));
    HostField field = parseAuthority(authority(token, scheme), token, known.defaultPort());
    return new HostField(field.hosts(), field.ports(), known, Transport.TCP);
  }

  /** The host and port part of a URL whose scheme ends at {@code scheme}. */
  private static String authority(String token, int scheme) throws InvalidLineException {
    String rest = token.substring(scheme + URL_SEPARATOR.length());
    String authority = URL_AUTHORITY_END.split(rest, 2)[0];
    if (authority.indexOf('@') >= 0) {
      throw new InvalidLineException(
          "user name in URL " + InputText.quote(token) + " is not supported");
    }
    return authority;
  }

  /** A {@code dtls://host:port} field: the port is required. */
  private static HostField parseDtls(String token, String authority) throws InvalidLineException {
    boolean hasPort =
        authority.startsWith("[")
            ? authority.contains("]:")
            : authority.chars().filter(c -> c == ':').count() == 1;
    if (!hasPort) {
      throw new InvalidLineException("dtls:// needs a port: " + InputText.quote(token));
    }
    HostField field = parseAuthority(authority, token, 0);
    return new HostField(field.hosts(), field.ports(), null, Transport.DTLS);
  }

  private static HostField parseAuthority(String text, String token, int defaultPort)
      throws InvalidLineException {
    if (text.startsWith("[")) {
      return parseBracketed(text, token, defaultPort);
    }
    if (text.chars().filter(c -> c == ':').count() >= 2) {
      return new HostField(addresses(text, token, true), List.of(defaultPort), null, Transport.TCP);
    }
    int colon = text.indexOf(':');
    if (text.isEmpty() || colon == 0) {
      throw new InvalidLineException("missing host in " + InputText.quote(token));
    }
    String host = colon < 0 ? text : text.substring(0, colon);
    List<Integer> ports = colon < 0 ? List.of(defaultPort) : Ports.parse(text.substring(colon + 1));
    return new HostField(hostOrRange(host, token), ports, null, Transport.TCP);
  }

  private static HostField parseBracketed(String text, String token, int defaultPort)
      throws InvalidLineException {
    int close = text.indexOf(']');
    if (close < 0) {
      throw new InvalidLineException("missing \"]\" in " + InputText.quote(token));
    }
    String inside = text.substring(1, close);
    String after = text.substring(close + 1);
    String range = "";
    if (after.startsWith("/")) {
      int colon = after.indexOf(':');
      range = colon < 0 ? after : after.substring(0, colon);
      after = after.substring(range.length());
    }
    if (!after.isEmpty() && !after.startsWith(":")) {
      throw new InvalidLineException(
          "unexpected " + InputText.quote(after) + " after \"]\" in " + InputText.quote(token));
    }
    List<Integer> ports = after.isEmpty() ? List.of(defaultPort) : Ports.parse(after.substring(1));
    return new HostField(addresses(inside + range, token, true), ports, null, Transport.TCP);
  }

  private static HostSet hostOrRange(String host, String token) throws InvalidLineException {
    if (host.indexOf('/') >= 0) {
      return addresses(host, token, false);
    }
    if (!looksLikeIpv4(host)) {
      return Host.dnsName(HostName.normalize(host));
    }
    byte[] bytes = IpAddresses.parseIpv4(host);
    if (bytes == null) {
      throw new InvalidLineException(InputText.quote(host) + " is not a valid IPv4 address");
    }
    return Host.literal(IpAddresses.toAddress(bytes));
  }

  /** An IP literal or, with a {@code /prefix}, a range; IPv6 only when {@code ipv6} is set. */
  private static HostSet addresses(String text, String token, boolean ipv6)
      throws InvalidLineException {
    int slash = text.indexOf('/');
    if (slash >= 0) {
      return AddressRange.parse(text.substring(0, slash), text.substring(slash + 1), token, ipv6);
    }
    if (text.indexOf('%') >= 0) {
      throw new InvalidLineException("IPv6 zone IDs are not supported: " + InputText.quote(text));
    }
    byte[] bytes = IpAddresses.parseIpv6(text);
    if (bytes == null) {
      throw new InvalidLineException(InputText.quote(text) + " is not a valid IPv6 address");
    }
    return Host.literal(IpAddresses.toAddress(bytes));
  }

  /**
   * A name whose last label is all digits is meant as an IPv4 address: no top-level domain is
   * numeric, so {@code 10.0.0.256} is reported as a bad address rather than looked up in DNS.
   */
  private static boolean looksLikeIpv4(String host) {
    String last = host.substring(host.lastIndexOf('.', host.length() - 2) + 1);
    if (last.endsWith(".")) {
      last = last.substring(0, last.length() - 1);
    }
    return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
