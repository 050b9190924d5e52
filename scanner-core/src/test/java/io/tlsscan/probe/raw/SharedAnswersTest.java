package io.tlsscan.probe.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

class SharedAnswersTest {
  private static final SharedAnswers.Key<String> KEY = new SharedAnswers.Key<>("an answer");

  private final SharedAnswers shared = new SharedAnswers();

  @Test
  void theSecondAskerGetsTheFirstAnswerWithoutAskingTheServerAgain() {
    // Given an exchange that counts how often it is made
    AtomicInteger made = new AtomicInteger();
    Supplier<Mono<String>> ask = () -> Mono.fromCallable(() -> "answer " + made.incrementAndGet());
    // When two probes ask for it
    String first = shared.once(KEY, ask).block(Duration.ofSeconds(5));
    String second = shared.once(KEY, ask).block(Duration.ofSeconds(5));
    // Then it is made once and both get its answer
    assertThat(first).isEqualTo("answer 1");
    assertThat(second).isEqualTo("answer 1");
    assertThat(made).hasValue(1);
  }

  @Test
  void anExchangeGoesOnWhenItsFirstAskerStopsWaiting() {
    // Given an exchange whose first asker gives up before the answer comes
    AtomicBoolean cancelled = new AtomicBoolean();
    Mono<String> slow =
        Mono.just("late answer")
            .delayElement(Duration.ofMillis(200))
            .doOnCancel(() -> cancelled.set(true));
    Disposable first = shared.once(KEY, () -> slow).subscribe();
    first.dispose();
    // When a second probe asks
    String second = shared.once(KEY, () -> Mono.just("asked again")).block(Duration.ofSeconds(5));
    // Then it gets the answer of the exchange still going, which was not cut short
    assertThat(second).isEqualTo("late answer");
    assertThat(cancelled).isFalse();
  }

  @Test
  void closingCutsAnExchangeStillGoing() {
    // Given an exchange that never ends, with a probe waiting for it
    AtomicBoolean cancelled = new AtomicBoolean();
    Disposable waiting =
        shared
            .once(KEY, () -> Mono.<String>never().doOnCancel(() -> cancelled.set(true)))
            .subscribe();
    // When the target is done
    shared.close();
    // Then the exchange is cancelled (its connection closed) and the waiting probe is released
    assertThat(cancelled).isTrue();
    assertThat(waiting.isDisposed()).isTrue();
  }
}
