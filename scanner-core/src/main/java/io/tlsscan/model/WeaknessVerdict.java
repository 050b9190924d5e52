package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * The answer of one {@link Weakness} check: decided, or not, with the reason (in the record: {@code
 * true}/{@code false}, or {@code null} with the reason in {@code probe_errors}).
 */
public sealed interface WeaknessVerdict permits WeaknessVerdict.Decided, WeaknessVerdict.Undecided {

  /** The check gave an answer. */
  record Decided(boolean value) implements WeaknessVerdict {}

  /**
   * The check could not tell.
   *
   * @param kind what stood in the way
   * @param reason what happened, for the reader
   */
  record Undecided(ErrorKind kind, String reason) implements WeaknessVerdict {
    public Undecided {
      requireNonNull(kind, "kind");
      requireNonNull(reason, "reason");
    }
  }

  static WeaknessVerdict of(boolean value) {
    return new Decided(value);
  }

  static WeaknessVerdict undecided(ErrorKind kind, String reason) {
    return new Undecided(kind, reason);
  }

  /** An answer the server's replies did not settle. */
  static WeaknessVerdict inconclusive(String reason) {
    return new Undecided(ErrorKind.INCONCLUSIVE, reason);
  }
}
