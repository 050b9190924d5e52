package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

/**
 * A session ticket a TLS 1.2 server issued in a NewSessionTicket (RFC 5077 section 3.3).
 *
 * @param lifetimeHintSeconds the ticket_lifetime_hint, 0 when the server leaves it unspecified
 * @param ticket the opaque ticket
 * @param suite the suite of the session the ticket holds
 */
public record Tls12Ticket(long lifetimeHintSeconds, byte[] ticket, CipherSuite suite) {
  public Tls12Ticket {
    ticket = ticket.clone();
    requireNonNull(suite, "suite");
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }
}
