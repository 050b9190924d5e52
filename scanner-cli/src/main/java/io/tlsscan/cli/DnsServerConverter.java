package io.tlsscan.cli;

import io.tlsscan.net.HostResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DNS server as an IP address with an optional port: {@code 9.9.9.9}, {@code
 * 127.0.0.53:5353}, {@code 2001:db8::53}, {@code [2001:db8::53]:5353}. The port defaults to 53; an
 * IPv6 address takes a port only in brackets (without them, {@code 2001:db8::53:5353} is itself an
 * address). Zone ids ({@code fe80::1%eth0}) are refused rather than dropped.
 */
final class DnsServerConverter implements ITypeConverter<InetSocketAddress> {
  private static final int DNS_PORT = 53;

  @Override
  public InetSocketAddress convert(String text) {
    String value = text.strip();
    if (value.indexOf('%') >= 0) {
      throw new TypeConversionException(
          "'" + value + "': zone ids are not supported; give a global or loopback address");
    }
    String host = value;
    int port = DNS_PORT;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      String rest = close < 0 ? "" : value.substring(close + 1);
      if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
        throw invalid(value);
      }
      host = value.substring(1, close);
      if (!rest.isEmpty()) {
        port = port(value, rest.substring(1));
      }
    } else if (value.indexOf(':') >= 0 && value.indexOf(':') == value.lastIndexOf(':')) {
      host = value.substring(0, value.indexOf(':'));
      port = port(value, value.substring(value.indexOf(':') + 1));
    }
    InetAddress address = HostResolver.literal(host);
    if (address == null) {
      throw invalid(value);
    }
    return new InetSocketAddress(address, port);
  }

  private static int port(String value, String digits) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      throw invalid(value);
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65_535) {
      throw invalid(value);
    }
    return port;
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException(
        "'" + value + "' is not an IP address with an optional port, e.g. 9.9.9.9 or [::1]:5353");
  }
}
