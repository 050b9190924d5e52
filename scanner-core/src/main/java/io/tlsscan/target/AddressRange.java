package io.tlsscan.target;

import java.util.Arrays;

/**
 * A CIDR range such as {@code 10.1.2.0/30} or {@code 2001:db8::/126}, expanded one address at a
 * time, network and broadcast addresses included. Ranges are capped at 65536 addresses (IPv4 /16,
 * IPv6 /112) so a typo cannot turn one line into billions of targets.
 */
final class AddressRange implements HostSet {
  static final int MIN_IPV4_PREFIX = 16;
  static final int MIN_IPV6_PREFIX = 112;

  private final byte[] network;
  private final long size;

  private AddressRange(byte[] network, int prefixLength) {
    this.network = network;
    this.size = 1L << (network.length * 8 - prefixLength);
  }

  /**
   * Parses {@code address/prefix}; {@code token} is the text quoted in error messages.
   *
   * @param ipv6Only true when the address was written in brackets
   */
  static AddressRange parse(String address, String prefix, String token, boolean ipv6Only)
      throws InvalidLineException {
    byte[] bytes = ipv6Only ? null : IpAddresses.parseIpv4(address);
    if (bytes == null) {
      bytes = IpAddresses.parseIpv6(address);
    }
    if (bytes == null) {
      throw new InvalidLineException(
          "range " + InputText.quote(token) + " does not start with an IP address");
    }
    int bits = bytes.length * 8;
    int prefixLength = prefixLength(prefix, bits, token);
    int minimum = bits == 32 ? MIN_IPV4_PREFIX : MIN_IPV6_PREFIX;
    if (prefixLength < minimum) {
      throw new InvalidLineException(
          String.format(
              "range %s is too large: %s ranges must be /%d or longer (at most 65536 addresses)",
              InputText.quote(token), bits == 32 ? "IPv4" : "IPv6", minimum));
    }
    byte[] masked = mask(bytes, prefixLength);
    if (!Arrays.equals(masked, bytes)) {
      throw new InvalidLineException(
          String.format(
              "range %s has host bits set; the network is %s/%d",
              InputText.quote(token),
              IpAddresses.format(IpAddresses.toAddress(masked)),
              prefixLength));
    }
    return new AddressRange(bytes, prefixLength);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public Host get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " outside range of " + size);
    }
    byte[] bytes = network.clone();
    int last = bytes.length - 1;
    bytes[last] |= (byte) index;
    bytes[last - 1] |= (byte) (index >> 8);
    return Host.literal(IpAddresses.toAddress(bytes));
  }

  private static int prefixLength(String prefix, int bits, String token)
      throws InvalidLineException {
    boolean digits =
        !prefix.isEmpty()
            && prefix.length() <= 3
            && prefix.chars().allMatch(c -> c >= '0' && c <= '9');
    int value = digits ? Integer.parseInt(prefix) : -1;
    if (value < 0 || value > bits) {
      throw new InvalidLineException(
          String.format(
              "prefix length %s in range %s is not a number 0-%d",
              InputText.quote(prefix), InputText.quote(token), bits));
    }
    return value;
  }

  private static byte[] mask(byte[] bytes, int prefixLength) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
      masked[i] &= (byte) (0xff << (8 - keep));
    }
    return masked;
  }
}
