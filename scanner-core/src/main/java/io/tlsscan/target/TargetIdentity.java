package io.tlsscan.target;

import java.util.Arrays;

/**
 * Which host-list entry a record belongs to, as a 64-bit fingerprint of its line number, host and
 * port: what {@code --resume} compares between the host list and the records already written. An
 * invalid line is identified by its line number alone (it has one record). The set of finished
 * targets is a sorted {@code long[]}, 8 bytes a target, so a million-line resume stays small.
 */
public final class TargetIdentity {
  private TargetIdentity() {}

  /** The identity of an entry of the host list. */
  public static long of(HostListEntry entry) {
    if (entry instanceof Target target) {
      return of(target.line(), target.host(), target.port());
    }
    return of(entry.line(), null, null);
  }

  /** The identity of a written record's target ({@code host} and {@code port} null if invalid). */
  public static long of(long line, String host, Integer port) {
    String key = line + "|" + (host == null ? "" : host) + "|" + (port == null ? "" : port);
    return Fnv1a.hash64(key);
  }

  /** An immutable set of identities, built once from the records of an earlier run. */
  public static final class Set {
    private final long[] sorted;

    private Set(long[] sorted) {
      this.sorted = sorted;
    }

    /** A set of {@code count} identities taken from {@code values} (which it sorts in place). */
    public static Set of(long[] values, int count) {
      long[] copy = Arrays.copyOf(values, count);
      Arrays.sort(copy);
      return new Set(copy);
    }

    public boolean contains(HostListEntry entry) {
      return Arrays.binarySearch(sorted, TargetIdentity.of(entry)) >= 0;
    }

    public int size() {
      return sorted.length;
    }
  }
}
