package io.tlsscan.net;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.ErrorKind;

/**
 * A classified failure: the error kind of the report contract and a message for people.
 *
 * @param kind the closed-set error kind
 * @param message what went wrong, naming what was seen
 */
public record Failure(ErrorKind kind, String message) {
  public Failure {
    requireNonNull(kind, "kind");
    requireNonNull(message, "message");
  }
}
