package io.tlsscan.tls;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The entries of a registry enum by their wire code, built once: a look-up neither scans nor copies
 * the enum's values. When two entries share a code, the first one declared is found.
 */
final class CodeIndex<E> {
  private final Map<Integer, E> byCode;

  private CodeIndex(Map<Integer, E> byCode) {
    this.byCode = byCode;
  }

  static <E> CodeIndex<E> of(E[] values, ToIntFunction<E> code) {
    Map<Integer, E> byCode = new HashMap<>();
    for (E value : values) {
      byCode.putIfAbsent(code.applyAsInt(value), value);
    }
    return new CodeIndex<>(Map.copyOf(byCode));
  }

  Optional<E> get(int code) {
    return Optional.ofNullable(byCode.get(code));
  }
}
