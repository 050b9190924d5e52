package io.tlsscan.target;

/**
 * A host list that cannot be read at all: a missing or unreadable file (thrown when it is opened)
 * or a read error part way (the error signal of the entry stream). Bad lines are not exceptions;
 * they are {@link InvalidTarget}s.
 */
public final class HostListException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HostListException(String message, Throwable cause) {
    super(message, cause);
  }
}
