package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

/**
 * How a TLS 1.2 server answered a renegotiation the client started, by a ClientHello sent under the
 * keys of the finished handshake.
 */
public sealed interface Renegotiation {

  /** The server answered the hello with its ServerHello: it renegotiates. */
  record Accepted() implements Renegotiation {}

  /**
   * The server refused: an alert (no_renegotiation, or a fatal one) or a close.
   *
   * @param how e.g. {@code alert no_renegotiation}
   */
  record Refused(String how) implements Renegotiation {
    public Refused {
      requireNonNull(how, "how");
    }
  }

  /** The server let the hello go unanswered for as long as the client waited. */
  record Unanswered() implements Renegotiation {}
}
