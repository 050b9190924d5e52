package io.tlsscan.target;

/** The hosts named by a line's first field: one {@link Host}, or every address of a range. */
sealed interface HostSet permits Host, AddressRange {

  /** How many hosts; at least 1. */
  long size();

  /** The host at {@code index}, 0 to {@code size() - 1}, computed on demand. */
  Host get(long index);
}
