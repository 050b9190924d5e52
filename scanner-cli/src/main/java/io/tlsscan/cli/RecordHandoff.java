package io.tlsscan.cli;

import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.util.concurrent.Queues;

/**
 * Hands the records of a {@code Flux} from the event loops to the one thread that writes them, at
 * most {@code capacity} at a time. Unlike a blocking iterator, which signals its reader on every
 * record, the reader here is woken only when it waits for records, and then lets more gather for up
 * to {@link #GATHER_NANOS} before it takes them: on a fast scan the writer wakes, and flushes its
 * output, once per batch instead of once per record. A record that arrives alone still leaves
 * within that pause; the end of the stream, or a quarter of the capacity ready, cut it short.
 *
 * <p>Use: subscribe it, then on the thread that created it take records with {@link #poll()} and,
 * when none is ready, {@link #take()}, until that returns {@code null}. Records arrive one at a
 * time (a {@code Flux} serializes them), so the queue has one producer and one consumer.
 *
 * @param <T> the record type
 */
final class RecordHandoff<T> implements CoreSubscriber<T>, AutoCloseable {
  /** How long a woken reader lets records gather before it takes them. */
  static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final int TAKING = 0;
  private static final int WAITING = 1;
  private static final int GATHERING = 2;

  private final int capacity;
  private final int replenish;

  /**
   * Records that end a gathering pause early: a quarter of the capacity, which can always arrive
   * (while the queue is empty, demand for at least that many more is outstanding).
   */
  private final int enough;

  private final Queue<T> queue;
  private final Thread reader;
  private volatile Subscription subscription;

  /**
   * What the reader is doing: {@link #TAKING}, {@link #WAITING} or {@link #GATHERING}. The producer
   * that wakes it moves it on first, so one wake-up is given per wait, not one per record.
   */
  private final AtomicInteger readerState = new AtomicInteger(TAKING);

  private volatile boolean done;
  private volatile Throwable error;
  private int taken;

  /** A handoff for {@code capacity} records in flight, read by the thread that creates it. */
  RecordHandoff(int capacity) {
    this.capacity = capacity;
    this.replenish = capacity - (capacity >> 2);
    this.enough = Math.max(1, capacity >> 2);
    this.queue = Queues.<T>get(capacity).get();
    this.reader = Thread.currentThread();
  }

  @Override
  public void onSubscribe(Subscription s) {
    subscription = s;
    s.request(capacity);
  }

  @Override
  public void onNext(T record) {
    if (!queue.offer(record)) {
      close();
      onError(Exceptions.failWithOverflow("more records than were asked for"));
      return;
    }
    // The queue publishes with a release store, which a later load may overtake; without the
    // fence this could read "not waiting" while the reader sees an empty queue and parks.
    VarHandle.fullFence();
    int state = readerState.get();
    boolean wake =
        (state == WAITING && readerState.compareAndSet(WAITING, GATHERING))
            || (state == GATHERING
                && queue.size() >= enough
                && readerState.compareAndSet(GATHERING, TAKING));
    if (wake) {
      LockSupport.unpark(reader);
    }
  }

  @Override
  public void onError(Throwable t) {
    error = t;
    done = true;
    LockSupport.unpark(reader);
  }

  @Override
  public void onComplete() {
    done = true;
    LockSupport.unpark(reader);
  }

  /** The next record if one is ready, else {@code null} at once. */
  T poll() {
    return counted(queue.poll());
  }

  /**
   * The next record, waiting for one; {@code null} once the stream has ended and every record was
   * taken.
   *
   * @throws RuntimeException the stream's error, once the records before it were taken
   */
  T take() {
    while (true) {
      boolean ended = done;
      T record = queue.poll();
      if (record != null) {
        return counted(record);
      }
      if (ended) {
        Throwable failure = error;
        if (failure != null) {
          throw Exceptions.propagate(failure);
        }
        return null;
      }
      readerState.set(WAITING);
      if (queue.isEmpty() && !done) {
        LockSupport.park(this);
      }
      readerState.set(GATHERING);
      if (queue.size() < enough && !done) {
        LockSupport.parkNanos(this, GATHER_NANOS);
      }
      readerState.set(TAKING);
      if (Thread.interrupted()) {
        close();
        Thread.currentThread().interrupt();
        throw Exceptions.propagate(
            new InterruptedException("interrupted while waiting for records"));
      }
    }
  }

  /** Asks for more records each time three quarters of the capacity were taken. */
  private T counted(T record) {
    if (record != null && ++taken == replenish) {
      taken = 0;
      subscription.request(replenish);
    }
    return record;
  }

  /** Cancels the stream: no record comes after this. */
  @Override
  public void close() {
    Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
