package io.tlsscan.target;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict IP-literal parsing and canonical text, without ever touching DNS.
 *
 * <p>IPv4 is accepted only as a dotted quad of decimal numbers 0-255 without leading zeros ({@code
 * 010.0.0.1} is refused rather than guessed as octal). IPv6 follows RFC 4291 section 2.2, including
 * a trailing dotted quad; zone IDs ({@code %eth0}) are refused. Text output follows RFC 5952: lower
 * case, no leading zeros, the longest run of two or more zero groups as {@code ::}, and {@code
 * ::ffff:a.b.c.d} for IPv4-mapped addresses.
 */
public final class IpAddresses {
  private static final int IPV6_GROUPS = 8;

  private IpAddresses() {}

  /**
   * The address of an IPv4 or IPv6 literal (IPv6 without brackets), or empty when the text is not
   * one. An IPv4-mapped IPv6 literal stays an {@link Inet6Address}.
   */
  public static Optional<InetAddress> parse(String text) {
    byte[] bytes = parseIpv4(text);
    if (bytes == null) {
      bytes = parseIpv6(text);
    }
    return bytes == null ? Optional.empty() : Optional.of(toAddress(bytes));
  }

  /** Canonical text of an address: dotted quad, or RFC 5952 compressed IPv6 without brackets. */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    return formatIpv6(address.getAddress());
  }

  /** The 4 bytes of a strict dotted quad, or {@code null}. */
  static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = decimalOctet(parts[i]);
      if (value < 0) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  /** The 16 bytes of an IPv6 literal (no brackets, no zone), or {@code null}. */
  static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap < 0 ? groups(text, true) : groups(text.substring(0, gap), false);
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int present = head.length + tail.length;
    if (gap < 0 ? present != IPV6_GROUPS : present > IPV6_GROUPS - 1) {
      return null;
    }
    byte[] bytes = new byte[16];
    putGroups(bytes, 0, head);
    putGroups(bytes, IPV6_GROUPS - tail.length, tail);
    return bytes;
  }

  /** An {@link InetAddress} for 4 or 16 raw bytes; IPv4-mapped IPv6 stays IPv6. */
  static InetAddress toAddress(byte[] bytes) {
    try {
      return bytes.length == 16
          ? Inet6Address.getByAddress(null, bytes, -1)
          : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address must have 4 or 16 bytes, got " + bytes.length);
    }
  }

  private static int decimalOctet(String part) {
    if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  /**
   * 16-bit groups of a colon-separated run; a final dotted quad counts as two groups and is allowed
   * only at the end of the address.
   */
  private static int[] groups(String run, boolean endsAddress) {
    if (run.isEmpty()) {
      return new int[0];
    }
    String[] parts = run.split(":", -1);
    boolean embeddedIpv4 = endsAddress && parts[parts.length - 1].indexOf('.') >= 0;
    int count = parts.length + (embeddedIpv4 ? 1 : 0);
    if (count > IPV6_GROUPS) {
      return null;
    }
    int[] groups = new int[count];
    for (int i = 0; i < parts.length - (embeddedIpv4 ? 1 : 0); i++) {
      groups[i] = hexGroup(parts[i]);
      if (groups[i] < 0) {
        return null;
      }
    }
    if (embeddedIpv4) {
      byte[] v4 = parseIpv4(parts[parts.length - 1]);
      if (v4 == null) {
        return null;
      }
      groups[count - 2] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
      groups[count - 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
    }
    return groups;
  }

  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      int digit = hexDigit(part.charAt(i));
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static void putGroups(byte[] bytes, int firstGroup, int[] groups) {
    for (int i = 0; i < groups.length; i++) {
      bytes[2 * (firstGroup + i)] = (byte) (groups[i] >> 8);
      bytes[2 * (firstGroup + i) + 1] = (byte) groups[i];
    }
  }

  private static String formatIpv6(byte[] bytes) {
    int[] groups = new int[IPV6_GROUPS];
    for (int i = 0; i < IPV6_GROUPS; i++) {
      groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
    }
    if (isIpv4Mapped(groups)) {
      return String.format(
          "::ffff:%d.%d.%d.%d",
          bytes[12] & 0xff, bytes[13] & 0xff, bytes[14] & 0xff, bytes[15] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int start = 0; start < IPV6_GROUPS; start++) {
      int length = 0;
      while (start + length < IPV6_GROUPS && groups[start + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = start;
        bestLength = length;
      }
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < IPV6_GROUPS; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static boolean isIpv4Mapped(int[] groups) {
    for (int i = 0; i < 5; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return groups[5] == 0xffff;
  }
}
