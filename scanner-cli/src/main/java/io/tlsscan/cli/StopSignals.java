package io.tlsscan.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a graceful stop: the first signal stops taking new targets
 * and lets those in flight finish (within their deadline); a second one cancels those too, so they
 * are recorded as {@code cancelled}. Either way every record is flushed before exit. Restores the
 * previous handlers on close.
 */
final class StopSignals implements AutoCloseable {
  private static final String[] SIGNALS = {"INT", "TERM"};

  private final Sinks.Empty<Void> stopIntake = Sinks.empty();
  private final Sinks.Empty<Void> cancelInFlight = Sinks.empty();
  private final List<Registration> previous = new ArrayList<>();
  private final PrintStream messages;
  private volatile int received;

  private record Registration(Signal signal, SignalHandler handler) {}

  StopSignals(PrintStream messages) {
    this.messages = messages;
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        previous.add(new Registration(signal, Signal.handle(signal, this::onSignal)));
      } catch (IllegalArgumentException e) {
        // The signal is not available on this platform or already used by the JVM.
      }
    }
  }

  private synchronized void onSignal(Signal signal) {
    received++;
    if (received == 1) {
      messages.println(
          "tlsscan: SIG"
              + signal.getName()
              + ": taking no new targets; finishing those in flight"
              + " (send it again to cancel them)");
      stopIntake.tryEmitEmpty();
    } else if (received == 2) {
      messages.println("tlsscan: SIG" + signal.getName() + " again: cancelling targets in flight");
      cancelInFlight.tryEmitEmpty();
    }
  }

  /** Completes at the first signal. */
  Mono<Void> stopIntake() {
    return stopIntake.asMono();
  }

  /** Completes at the second signal. */
  Mono<Void> cancelInFlight() {
    return cancelInFlight.asMono();
  }

  boolean stopped() {
    return received > 0;
  }

  @Override
  public void close() {
    for (Registration registration : previous) {
      Signal.handle(registration.signal(), registration.handler());
    }
  }
}
