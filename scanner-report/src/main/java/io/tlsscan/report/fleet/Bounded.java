package io.tlsscan.report.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The first {@code capacity} items in {@code order} of all that were offered. */
final class Bounded<T> {
  private final int capacity;
  private final Comparator<T> order;
  private final PriorityQueue<T> kept;
  private long offered;

  Bounded(int capacity, Comparator<T> order) {
    this.capacity = capacity;
    this.order = order;
    this.kept = new PriorityQueue<>(order.reversed());
  }

  void offer(T item) {
    offered++;
    if (kept.size() < capacity) {
      kept.add(item);
    } else if (capacity > 0 && order.compare(item, kept.peek()) < 0) {
      kept.poll();
      kept.add(item);
    }
  }

  /** How many items were offered in all. */
  long offered() {
    return offered;
  }

  /** The kept items, first in order first. */
  List<T> items() {
    List<T> items = new ArrayList<>(kept);
    items.sort(order);
    return items;
  }
}
