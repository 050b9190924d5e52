package io.tlsscan.target;


/**
 * One of N disjoint parts of a host list, for splitting a scan across machines ({@code --shard
 * I/N}, I from 0 to N-1): every entry falls in exactly one shard, decided by a stable 64-bit FNV-1a
 * hash of what it names ({@code host|port|connect address}, or the text of an invalid line), so
 * every machine decides the same way with no coordination and the merged outputs hold every target
 * once.
 *
 * @param index this shard, 0 to {@code count - 1}
 * @param count how many shards there are
 */
public record Shard(int index, int count) {

  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("shard count must be at least 1, got " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index must be 0.." + (count - 1) + " for " + count + " shards, got " + index);
    }
  }

  /**
   * Parses {@code I/N}, e.g. {@code 0/4}.
   *
   * @throws IllegalArgumentException naming the text when it is not of that form
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a shard: expected I/N, e.g. 0/4 (I from 0 to N-1)");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a shard: expected I/N, e.g. 0/4 (I from 0 to N-1)");
    }
  }

  /** Whether {@code entry} belongs to this shard. */
  public boolean contains(HostListEntry entry) {
    return Long.remainderUnsigned(Fnv1a.hash64(key(entry)), count) == index;
  }

  private static String key(HostListEntry entry) {
    if (entry instanceof Target target) {
      String address =
          target.connectAddress() == null ? "" : IpAddresses.format(target.connectAddress());
      return target.host() + "|" + target.port() + "|" + address;
    }
    return "invalid|" + entry.line() + "|" + entry.input();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
