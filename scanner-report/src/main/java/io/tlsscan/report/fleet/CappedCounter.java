package io.tlsscan.report.fleet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of up to {@code capacity} distinct keys; later new keys are only counted in
 * {@link #untracked()}, so memory stays bounded however many distinct values a fleet has.
 */
final class CappedCounter<K> {
  private final int capacity;
  private final Map<K, long[]> counts = new HashMap<>();
  private long untracked;

  CappedCounter(int capacity) {
    this.capacity = capacity;
  }

  void add(K key) {
    long[] count = counts.get(key);
    if (count != null) {
      count[0]++;
    } else if (counts.size() < capacity) {
      counts.put(key, new long[] {1});
    } else {
      untracked++;
    }
  }

  /** Occurrences of keys that came after the capacity was reached. */
  long untracked() {
    return untracked;
  }

  /** The {@code n} most frequent keys seen at least {@code min} times, most frequent first. */
  List<Map.Entry<K, Long>> top(int n, long min) {
    return counts.entrySet().stream()
        .filter(e -> e.getValue()[0] >= min)
        .map(e -> Map.entry(e.getKey(), e.getValue()[0]))
        .sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(n)
        .toList();
  }
}
