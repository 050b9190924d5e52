package io.tlsscan.cert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that keeps the most recently used entries, up to a capacity: the memory of what
 * a fleet repeats (shared certificates, shared issuers) without growing with the fleet.
 */
final class RecentlyUsed<K, V> {
  private final Map<K, V> entries;

  RecentlyUsed(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value of {@code key}, or {@code null}; counts as a use. */
  V get(K key) {
    synchronized (entries) {
      return entries.get(key);
    }
  }

  void put(K key, V value) {
    synchronized (entries) {
      entries.put(key, value);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
