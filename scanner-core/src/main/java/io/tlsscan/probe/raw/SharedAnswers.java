package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The answers of one target that several probes read, each asked of the server once: the first
 * probe to ask starts the exchange, the others get the same answer (or error) when it comes. One
 * instance per target. An exchange goes on when the probe that started it stops waiting (another
 * may still want the answer), until {@link #close} ends what is still going when the target is
 * done.
 */
public final class SharedAnswers {
  private final Map<Key<?>, Mono<?>> answers = new ConcurrentHashMap<>();
  private final Sinks.One<Boolean> closed = Sinks.one();

  /**
   * Names one shared answer, typed by it.
   *
   * @param name what the answer is, for diagnostics
   * @param <T> the answer's type
   */
  public record Key<T>(String name) {
    public Key {
      requireNonNull(name, "name");
    }
  }

  /** The answer of {@code key}: {@code ask}'s, started by the first caller, cached for the rest. */
  @SuppressWarnings("unchecked") // each key is put with a Mono of its own type only
  public <T> Mono<T> once(Key<T> key, Supplier<Mono<T>> ask) {
    return (Mono<T>)
        answers.computeIfAbsent(key, k -> ask.get().takeUntilOther(closed.asMono()).cache());
  }

  /** Cancels the exchanges still going, closing their connections; they end without an answer. */
  public void close() {
    closed.tryEmitValue(true);
  }
}
