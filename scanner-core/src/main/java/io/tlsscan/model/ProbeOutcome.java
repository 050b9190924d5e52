package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * What became of one probe of one target. A completed probe yields its section of the report; a
 * failed one leaves its section out and explains itself in {@code probe_errors}; a probe that was
 * not run leaves no trace.
 *
 * @param <R> the probe's result type
 */
public sealed interface ProbeOutcome<R>
    permits ProbeOutcome.Completed, ProbeOutcome.Failed, ProbeOutcome.NotRun {

  /** The probe ran to its end. */
  record Completed<R>(R result) implements ProbeOutcome<R> {
    public Completed {
      requireNonNull(result, "result");
    }
  }

  /** The probe started but could not finish; its partial result is discarded. */
  record Failed<R>(ErrorKind kind, String message) implements ProbeOutcome<R> {
    public Failed {
      requireNonNull(kind, "kind");
      requireNonNull(message, "message");
    }
  }

  /** The probe was not asked for, or its prerequisites failed. */
  record NotRun<R>() implements ProbeOutcome<R> {}

  static <R> ProbeOutcome<R> completed(R result) {
    return new Completed<>(result);
  }

  static <R> ProbeOutcome<R> failed(ErrorKind kind, String message) {
    return new Failed<>(kind, message);
  }

  @SuppressWarnings("unchecked") // NotRun holds no R
  static <R> ProbeOutcome<R> notRun() {
    return (ProbeOutcome<R>) NOT_RUN;
  }

  /** The one {@link NotRun}: it holds nothing, so one instance serves every result type. */
  NotRun<?> NOT_RUN = new NotRun<>();

  /** The result when completed, else {@code null}. */
  default R resultOrNull() {
    return this instanceof Completed<R> c ? c.result() : null;
  }

  /** A completed result turned into another value; a failure or not-run stays what it is. */
  @SuppressWarnings("unchecked") // Failed and NotRun hold no R
  default <T> ProbeOutcome<T> map(Function<? super R, ? extends T> value) {
    return this instanceof Completed<R> c
        ? new Completed<>(value.apply(c.result()))
        : (ProbeOutcome<T>) this;
  }
}
