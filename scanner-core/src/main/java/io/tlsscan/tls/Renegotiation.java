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
   * The server refused: a warning no_renegotiation or close_notify, a fatal alert, or a close.
   *
   * @param how e.g. {@code warning alert no_renegotiation}
   * @param fatal whether the refusal ended the connection as an error (a fatal alert, a close):
   *     some servers then forget the session, as RFC 5246 section 7.2.2 allows
   */
  record Refused(String how, boolean fatal) implements Renegotiation {
    public Refused {
      requireNonNull(how, "how");
    }
  }

  /**
   * The server answered with a fatal alert that finds fault with the hello (decode_error,
   * bad_record_mac...), which does not tell whether it would renegotiate.
   *
   * @param why the alert
   */
  record Unclear(String why) implements Renegotiation {
    public Unclear {
      requireNonNull(why, "why");
    }
  }

  /** The server let the hello go unanswered for as long as the client waited. */
  record Unanswered() implements Renegotiation {}
}
