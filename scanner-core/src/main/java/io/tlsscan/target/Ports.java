package io.tlsscan.target;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Parses {@code PORT} and comma-separated port lists such as {@code 443,8443,993}. */
final class Ports {
  static final int MIN = 1;
  static final int MAX = 65535;

  private Ports() {}

  /** The ports in the order given; a port listed twice is an error, not a duplicate target. */
  static List<Integer> parse(String list) throws InvalidLineException {
    if (list.isEmpty()) {
      throw new InvalidLineException("missing port after \":\"");
    }
    List<Integer> ports = new ArrayList<>();
    BitSet seen = new BitSet();
    for (String part : list.split(",", -1)) {
      int port = parseOne(part);
      if (seen.get(port)) {
        throw new InvalidLineException("port " + port + " listed twice");
      }
      seen.set(port);
      ports.add(port);
    }
    return List.copyOf(ports);
  }

  /** One port, 1-65535. */
  private static int parseOne(String text) throws InvalidLineException {
    if (text.isEmpty()) {
      throw new InvalidLineException("empty port in port list");
    }
    if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidLineException("port " + InputText.quote(text) + " is not a number");
    }
    int firstDigit = 0;
    while (firstDigit < text.length() - 1 && text.charAt(firstDigit) == '0') {
      firstDigit++;
    }
    String digits = text.substring(firstDigit);
    int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    if (port < MIN || port > MAX) {
      throw new InvalidLineException(
          "port " + InputText.quote(text) + " out of range " + MIN + "-" + MAX);
    }
    return port;
  }
}
