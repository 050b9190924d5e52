package io.tlsscan.tls;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The entries of a registry enum by their wire code, built once: a look-up neither scans nor copies
 * the enum's values. When two entries share a code, the first one declared is found. A {@link
 * HashMap}, not {@link Map#copyOf}: the immutable map probes linearly from a slot the code picks
 * almost unchanged, so the runs of consecutive codes a registry has make a miss (a GREASE or
 * unknown code) walk a long way.
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
    return new CodeIndex<>(byCode);
  }

  Optional<E> get(int code) {
    return Optional.ofNullable(byCode.get(code));
  }
}
