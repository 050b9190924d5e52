package io.tlsscan.cli;

import io.tlsscan.net.HostResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DNS server as an IP address with an optional port: {@code 9.9.9.9}, {@code
 * 127.0.0.53:5353}, {@code 2001:db8::53}, {@code [2001:db8::53]:5353}. The port defaults to 53.
 */
final class DnsServerConverter implements ITypeConverter<InetSocketAddress> {
  private static final int DNS_PORT = 53;

  @Override
  public InetSocketAddress convert(String value) {
    String host = value;
    int port = DNS_PORT;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        throw invalid(value);
      }
      host = value.substring(1, close);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        port = port(value, rest.startsWith(":") ? rest.substring(1) : rest);
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
