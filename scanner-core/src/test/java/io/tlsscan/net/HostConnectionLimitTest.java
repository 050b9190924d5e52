package io.tlsscan.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class HostConnectionLimitTest {
  /** Stands for a connection: open from subscription until the test ends it. */
  private final class Connection {
    final Sinks.Empty<Void> end = Sinks.empty();
    boolean opened;

    Mono<Void> mono() {
      return Mono.defer(
          () -> {
            opened = true;
            open.incrementAndGet();
            return end.asMono().doFinally(signal -> open.decrementAndGet());
          });
    }

    void close() {
      end.tryEmitEmpty();
    }
  }

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger counted = new AtomicInteger();
  private final ConnectionTracker counting =
      new ConnectionTracker() {
        @Override
        public void connecting() {
          counted.incrementAndGet();
        }

        @Override
        public void connected() {}
      };

  @Test
  void atMostTheLimitAreOpenAndTheNextGoesWhenOneEnds() {
    // Given a limit of 2 and three connections asked at once by one probe
    HostConnectionLimit limit = new HostConnectionLimit(counting, 2);
    List<Connection> connections = List.of(new Connection(), new Connection(), new Connection());
    connections.forEach(c -> limit.tracker(0).inTurn(c.mono()).subscribe());
    // Then two are open and the third waits
    assertThat(open).as("open at once").hasValue(2);
    assertThat(connections.get(2).opened).as("third before a slot is free").isFalse();
    // When the first ends, the third opens
    connections.get(0).close();
    assertThat(connections.get(2).opened).as("third once the first ended").isTrue();
    assertThat(open).hasValue(2);
  }

  @Test
  void aLowerRankGoesFirstAmongTheWaiting() {
    // Given a limit of 1, held, with a rank-2 connection waiting before a rank-1 one
    HostConnectionLimit limit = new HostConnectionLimit(counting, 1);
    Connection holder = new Connection();
    Connection later = new Connection();
    Connection earlier = new Connection();
    limit.tracker(0).inTurn(holder.mono()).subscribe();
    limit.tracker(2).inTurn(later.mono()).subscribe();
    limit.tracker(1).inTurn(earlier.mono()).subscribe();
    // When the slot is free again
    holder.close();
    // Then the lower rank has it, and the other waits for it
    assertThat(earlier.opened).as("rank 1").isTrue();
    assertThat(later.opened).as("rank 2 while rank 1 is open").isFalse();
    earlier.close();
    assertThat(later.opened).as("rank 2 after rank 1").isTrue();
  }

  @Test
  void aConnectionCancelledWhileWaitingLeavesTheLineAndOneCancelledWhileOpenFreesItsSlot() {
    // Given a limit of 1, held, and a connection waiting for it
    HostConnectionLimit limit = new HostConnectionLimit(counting, 1);
    Connection holder = new Connection();
    Connection quitter = new Connection();
    Connection next = new Connection();
    Disposable held = limit.tracker(0).inTurn(holder.mono()).subscribe();
    limit.tracker(0).inTurn(quitter.mono()).subscribe().dispose();
    limit.tracker(0).inTurn(next.mono()).subscribe();
    // When the open connection is cancelled
    held.dispose();
    // Then the slot goes past the one that gave up
    assertThat(quitter.opened).as("cancelled while waiting").isFalse();
    assertThat(next.opened).as("next in line").isTrue();
    assertThat(open).hasValue(1);
  }

  @Test
  void theWrappedTrackerCountsEveryConnection() {
    HostConnectionLimit limit = new HostConnectionLimit(counting, 1);
    limit.tracker(0).connecting();
    limit.tracker(1).connecting();
    assertThat(counted).as("connections counted through any rank").hasValue(2);
  }
}
