package io.tlsscan.net;

/**
 * The plain-text part of a STARTTLS connection failed: the server did not speak the protocol, did
 * not offer STARTTLS, or refused it. The message says which and quotes the server's reply.
 */
public final class StarttlsException extends Exception {
  public StarttlsException(String message) {
    super(message, null, false, false);
  }
}
