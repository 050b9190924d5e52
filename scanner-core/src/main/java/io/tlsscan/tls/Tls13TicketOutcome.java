package io.tlsscan.tls;

/** How a TLS 1.3 full handshake, waiting afterwards for a session ticket, ended. */
public sealed interface Tls13TicketOutcome {

  /** The server sent a NewSessionTicket after the handshake. */
  record Issued(Tls13Ticket ticket) implements Tls13TicketOutcome {}

  /** The server accepted the client's Finished and sent no ticket within the answer timeout. */
  record NotIssued() implements Tls13TicketOutcome {}

  /**
   * The handshake did not get as far as the client's Finished being accepted.
   *
   * @param reason what happened
   */
  record Failed(String reason) implements Tls13TicketOutcome {}
}
