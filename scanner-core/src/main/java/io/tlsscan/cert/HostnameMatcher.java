package io.tlsscan.cert;

import io.netty.util.NetUtil;
import java.net.IDN;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Checks whether a certificate's subjectAltName entries name the host that was asked for, per RFC
 * 6125 section 6 and RFC 9525 section 6.
 *
 * <ul>
 *   <li>A DNS host matches dNSName entries only: ASCII case-insensitive, a trailing dot ignored,
 *       internationalized hosts compared in A-label form ({@code xn--...}).
 *   <li>A wildcard is allowed only as the whole left-most label and covers exactly one label:
 *       {@code *.example.com} matches {@code a.example.com}, not {@code a.b.example.com} nor {@code
 *       example.com}. Partial wildcards ({@code f*.example.com}) and wildcards directly above a
 *       public suffix ({@code *.com}, {@code *.co.uk}: see {@link PublicSuffixes}) never match.
 *   <li>An IP literal host (IPv4 or IPv6, brackets and zone allowed) matches iPAddress entries
 *       only, compared as bytes, so every IPv6 spelling of an address is equal.
 *   <li>The subject CN is never used.
 * </ul>
 *
 * <p>Stateless; all methods are thread-safe and never throw on hostile names.
 */
public final class HostnameMatcher {
  /** Longest DNS name, RFC 1035 section 2.3.4 (253 characters plus an optional root dot). */
  private static final int MAX_HOST_LENGTH = 254;

  private HostnameMatcher() {}

  /**
   * Whether the host matches one of the names.
   *
   * @param host DNS name or IP literal, as the user wrote it
   * @param dnsNames dNSName entries
   * @param ipAddresses iPAddress entries, 4 or 16 bytes each
   */
  public static boolean matches(
      String host, Collection<String> dnsNames, Collection<byte[]> ipAddresses) {
    byte[] address = ipLiteral(host);
    if (address != null) {
      for (byte[] candidate : ipAddresses) {
        if (Arrays.equals(address, candidate)) {
          return true;
        }
      }
      return false;
    }
    String asciiHost = asciiHost(host);
    if (asciiHost == null) {
      return false;
    }
    for (String presented : dnsNames) {
      if (matchesNormalized(asciiHost, presented)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a DNS host matches one dNSName entry; always false for an IP literal host. */
  public static boolean matchesDnsName(String host, String presented) {
    if (ipLiteral(host) != null) {
      return false;
    }
    String asciiHost = asciiHost(host);
    return asciiHost != null && matchesNormalized(asciiHost, presented);
  }

  /**
   * The address bytes of an IP literal host (IPv6 may be in brackets or carry a zone), else null.
   */
  static byte[] ipLiteral(String host) {
    if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      return null;
    }
    String literal = host;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0 && literal.indexOf(':') >= 0) {
      literal = literal.substring(0, zone);
    }
    return NetUtil.createByteArrayFromIpAddressString(literal);
  }

  /** Lower-case A-label form without the trailing dot, or null when it is not a usable name. */
  private static String asciiHost(String host) {
    if (host == null || host.length() > MAX_HOST_LENGTH) {
      return null;
    }
    String name = stripTrailingDot(host);
    if (!isAscii(name)) {
      try {
        name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    name = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.startsWith(".") || name.contains("..") || name.contains("*")) {
      return null;
    }
    return name;
  }

  private static boolean matchesNormalized(String host, String presented) {
    if (presented == null || presented.length() > MAX_HOST_LENGTH || !isAscii(presented)) {
      return false;
    }
    String pattern = stripTrailingDot(presented).toLowerCase(Locale.ROOT);
    if (pattern.isEmpty() || pattern.contains("..")) {
      return false;
    }
    if (pattern.indexOf('*') < 0) {
      return pattern.equals(host);
    }
    if (!pattern.startsWith("*.") || pattern.indexOf('*', 1) >= 0) {
      return false;
    }
    String suffix = pattern.substring(1);
    if (suffix.indexOf('.', 1) < 0
        || !host.endsWith(suffix)
        || PublicSuffixes.isPublicSuffix(suffix.substring(1))) {
      return false;
    }
    String firstLabel = host.substring(0, host.length() - suffix.length());
    return !firstLabel.isEmpty() && firstLabel.indexOf('.') < 0;
  }

  private static String stripTrailingDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }
}
