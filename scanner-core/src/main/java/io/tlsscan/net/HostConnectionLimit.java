package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Keeps at most {@code limit} of one target's connections open at once, however many probes ask
 * side by side ({@code --per-host-connections}). Each probe connects through its own {@link
 * #tracker(int) tracker}, which carries its rank: when connections wait, the lowest rank goes first
 * (the first come among equals), so a probe ranked later takes only the slots an earlier one leaves
 * idle, and a deadline that cuts the target short cuts the later probe first. Waiting holds no
 * thread; a connection cancelled while it waits leaves the line.
 */
public final class HostConnectionLimit {
  private final ConnectionTracker tracker;

  /** Guarded by {@code this}, like the fields of each {@link Turn}: slots free, turns waiting. */
  private int free;

  private final List<Turn> waiting = new ArrayList<>();

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

  /** The tracker a probe of {@code rank} connects through; lower ranks are served first. */
  public ConnectionTracker tracker(int rank) {
    return new ConnectionTracker() {
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
              Turn turn = new Turn(rank);
              return Mono.<Void>create(turn::await).then(connection).doFinally(signal -> end(turn));
            });
      }
    };
  }

  /** One connection's place: waiting, then holding a slot, then done. */
  private final class Turn {
    private final int rank;
    private MonoSink<Void> sink;
    private boolean holding;

    Turn(int rank) {
      this.rank = rank;
    }

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
      Turn successor = next();
      if (successor == null) {
        free++;
      } else {
        waiting.remove(successor);
        successor.holding = true;
        next = successor.sink;
      }
    }
    if (next != null) {
      next.success();
    }
  }

  /** The waiting turn of the lowest rank that came first, or {@code null}. */
  private Turn next() {
    Turn first = null;
    for (Turn turn : waiting) {
      if (first == null || turn.rank < first.rank) {
        first = turn;
      }
    }
    return first;
  }
}
