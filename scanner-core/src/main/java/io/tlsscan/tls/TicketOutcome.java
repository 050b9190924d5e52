package io.tlsscan.tls;

/** How a TLS 1.2 full handshake that asked for a session ticket ended. */
public sealed interface TicketOutcome {

  /**
   * The server sent NewSessionTicket (RFC 5077 section 3.3).
   *
   * @param lifetimeHintSeconds the ticket_lifetime_hint, 0 when the server leaves it unspecified
   * @param ticket the opaque ticket
   * @param suite the suite of the session the ticket holds
   */
  record Issued(long lifetimeHintSeconds, byte[] ticket, CipherSuite suite)
      implements TicketOutcome {
    public Issued {
      ticket = ticket.clone();
    }

    @Override
    public byte[] ticket() {
      return ticket.clone();
    }
  }

  /** The server accepted the client's Finished and sent ChangeCipherSpec without a ticket. */
  record NotIssued() implements TicketOutcome {}

  /**
   * The handshake did not get as far as the server's answer to the client's Finished.
   *
   * @param reason what happened, e.g. {@code alert handshake_failure after the ClientHello}
   */
  record Failed(String reason) implements TicketOutcome {}
}
