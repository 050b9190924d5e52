package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** How a TLS 1.2 full handshake of {@link Tls12FullHandshake} ended, and what it brought. */
public sealed interface Tls12HandshakeOutcome {

  /**
   * The server finished the handshake.
   *
   * @param serverHello its ServerHello: the session id, the extensions it agreed to
   * @param suite the session's suite
   * @param ticket the session ticket it issued, if any
   * @param renegotiation how it answered the renegotiation started next; empty when none was
   */
  record Completed(
      ServerResponse.ServerHello serverHello,
      CipherSuite suite,
      Optional<Tls12Ticket> ticket,
      Optional<Renegotiation> renegotiation)
      implements Tls12HandshakeOutcome {
    public Completed {
      requireNonNull(serverHello, "serverHello");
      requireNonNull(suite, "suite");
      requireNonNull(ticket, "ticket");
      requireNonNull(renegotiation, "renegotiation");
    }
  }

  /**
   * The handshake did not get as far as the server's Finished.
   *
   * @param reason what happened, e.g. {@code alert handshake_failure during the server's flight}
   */
  record Failed(String reason) implements Tls12HandshakeOutcome {
    public Failed {
      requireNonNull(reason, "reason");
    }
  }
}
