package io.tlsscan.target;

import java.net.InetAddress;

/**
 * One host of a host-list line.
 *
 * @param name normalised DNS name, or canonical IP-literal text
 * @param address the literal's address, or {@code null} for a DNS name
 */
record Host(String name, InetAddress address) implements HostSet {

  static Host dnsName(String normalizedName) {
    return new Host(normalizedName, null);
  }

  static Host literal(InetAddress address) {
    return new Host(IpAddresses.format(address), address);
  }

  @Override
  public long size() {
    return 1;
  }

  @Override
  public Host get(long index) {
    return this;
  }
}
