package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * A target's tracker that also keeps at most {@code limit} of its connections open at once, however
 * many probes ask side by side ({@code --per-host-connections}). The others wait their turn, first
 * come first served, without holding a thread; a connection cancelled while it waits leaves the
 * queue. Counting and the rest are the wrapped tracker's.
 */
public final class HostConnectionLimit implements ConnectionTracker {
  private final ConnectionTracker tracker;

  /** Guarded by {@code this}, like the fields of each {@link Turn}: slots free, turns waiting. */
  private int free;

  private final ArrayDeque<Turn> waiting = new ArrayDeque<>();

  /**
   * @param tracker told about each connection, as without the limit
   * @param limit connections open at once, at least 1
   */
  public HostConnectionLimit(ConnectionTracker tracker, int limit) {
    this.tracker = requireNonNull(tracker, "tracker");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.free = limit;
  }

  @Override
  public void connecting() {
    tracker.connecting();
  }

  @Override
  public void connected() {
    tracker.connected();
  }

  @Override
  public boolean takePrepaidPermit() {
    return tracker.takePrepaidPermit();
  }

  @Override
  public <T> Mono<T> inTurn(Mono<T> connection) {
    return Mono.defer(
        () -> {
          Turn turn = new Turn();
          return Mono.<Void>create(turn::await).then(connection).doFinally(signal -> end(turn));
        });
  }

  /** One connection's place: waiting, then holding a slot, then done. */
  private final class Turn {
    private MonoSink<Void> sink;
    private boolean holding;

    void await(MonoSink<Void> waiter) {
      synchronized (HostConnectionLimit.this) {
        if (free > 0) {
          free--;
          holding = true;
        } else {
          sink = waiter;
          waiting.add(this);
          return;
        }
      }
      waiter.success();
    }
  }

  /** Gives the slot of an ended connection to the next in line, or leaves the line. */
  private void end(Turn turn) {
    MonoSink<Void> next = null;
    synchronized (this) {
      if (!turn.holding) {
        waiting.remove(turn);
        return;
      }
      turn.holding = false;
      Turn successor = waiting.poll();
      if (successor == null) {
        free++;
      } else {
        successor.holding = true;
        next = successor.sink;
      }
    }
    if (next != null) {
      next.success();
    }
  }
}
