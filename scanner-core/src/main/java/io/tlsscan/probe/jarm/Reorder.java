package io.tlsscan.probe.jarm;

import java.util.ArrayList;
import java.util.List;

/**
 * The orders JARM offers a list in (cipher suites, ALPN protocols, supported versions), as the
 * reference implementation (salesforce/jarm) defines them.
 */
enum Reorder {
  /** As given. */
  FORWARD,
  /** Last first. */
  REVERSE,
  /** The second half (without the middle element of an odd-sized list). */
  BOTTOM_HALF,
  /** The first half, last first, led by the middle element of an odd-sized list. */
  TOP_HALF,
  /**
   * From the middle outwards: the middle element of an odd-sized list, then alternately the next
   * one after and the next one before it.
   */
  MIDDLE_OUT;

  <T> List<T> apply(List<T> items) {
    int size = items.size();
    int middle = size / 2;
    List<T> out = new ArrayList<>(size);
    switch (this) {
      case FORWARD -> out.addAll(items);
      case REVERSE -> {
        for (int i = size - 1; i >= 0; i--) {
          out.add(items.get(i));
        }
      }
      case BOTTOM_HALF -> out.addAll(items.subList(size % 2 == 1 ? middle + 1 : middle, size));
      case TOP_HALF -> {
        if (size % 2 == 1) {
          out.add(items.get(middle));
        }
        out.addAll(BOTTOM_HALF.apply(REVERSE.apply(items)));
      }
      case MIDDLE_OUT -> {
        if (size % 2 == 1) {
          out.add(items.get(middle));
          for (int i = 1; i <= middle; i++) {
            out.add(items.get(middle + i));
            out.add(items.get(middle - i));
          }
        } else {
          for (int i = 1; i <= middle; i++) {
            out.add(items.get(middle - 1 + i));
            out.add(items.get(middle - i));
          }
        }
      }
    }
    return out;
  }
}
