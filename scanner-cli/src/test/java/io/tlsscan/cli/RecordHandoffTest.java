package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

class RecordHandoffTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @Test
  void everyRecordFromOtherThreadsArrivesOnceInOrderThenTheEnd() {
    // Given far more records than the handoff holds, produced on other threads
    // When the reader takes what is ready and waits when nothing is
    List<Integer> taken = takeAll(Flux.range(0, 20_000).publishOn(Schedulers.parallel(), 4));
    // Then it saw each record once, in order: demand was renewed as records were taken
    assertThat(taken).hasSize(20_000);
    assertThat(taken).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aSourceThatEmitsWhileAskedForMoreIsReadWhole() {
    // Given a source that emits on the reader's own thread, inside each request
    List<Integer> taken = takeAll(Flux.range(0, 20_000));
    assertThat(taken).hasSize(20_000).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aLoneRecordIsHandedOverWithoutWaitingForTheEndOfTheStream() {
    String taken =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> {
              RecordHandoff<String> handoff = new RecordHandoff<>(4);
              Flux.just("first").concatWith(Flux.never()).subscribe(handoff);
              return handoff.take();
            });
    assertThat(taken).isEqualTo("first");
  }

  @Test
  void theStreamsErrorComesAfterTheRecordsBeforeIt() {
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          RecordHandoff<Integer> handoff = new RecordHandoff<>(4);
          Flux.just(1, 2)
              .concatWith(Flux.error(new IllegalStateException("host list unreadable")))
              .subscribe(handoff);
          assertThat(handoff.take()).isEqualTo(1);
          assertThat(handoff.take()).isEqualTo(2);
          assertThatThrownBy(handoff::take)
              .isInstanceOf(IllegalStateException.class)
              .hasMessage("host list unreadable");
        });
  }

  @Test
  void closingCancelsTheStream() {
    AtomicBoolean cancelled = new AtomicBoolean();
    RecordHandoff<String> handoff = new RecordHandoff<>(4);
    Flux.<String>never().doOnCancel(() -> cancelled.set(true)).subscribe(handoff);
    handoff.close();
    assertThat(cancelled).isTrue();
  }

  /**
   * Every record of {@code source} through a handoff of capacity 8, taken as the scan's writer
   * takes them: what is ready first, then waiting when nothing is.
   */
  private static <T> List<T> takeAll(Flux<T> source) {
    return assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          RecordHandoff<T> handoff = new RecordHandoff<>(8);
          source.subscribe(handoff);
          List<T> records = new ArrayList<>();
          T record;
          while ((record = handoff.poll()) != null || (record = handoff.take()) != null) {
            records.add(record);
          }
          return records;
        });
  }
}
