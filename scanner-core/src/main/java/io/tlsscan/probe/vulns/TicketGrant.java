package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.tls.CipherSuite;

/** What a full TLS 1.2 handshake left to resume with: a session ticket, or why there is none. */
sealed interface TicketGrant {

  /**
   * The server issued a ticket.
   *
   * @param ticket the ticket as sent in the NewSessionTicket
   * @param suite the suite of the session it resumes
   */
  record Issued(byte[] ticket, CipherSuite suite) implements TicketGrant {
    public Issued {
      ticket = ticket.clone();
      requireNonNull(suite, "suite");
    }

    @Override
    public byte[] ticket() {
      return ticket.clone();
    }
  }

  /**
   * No ticket to resume with.
   *
   * @param verdict the check's verdict without a ticket: {@code false} for a server that has no
   *     tickets, else undecided with the reason
   */
  record None(WeaknessVerdict verdict) implements TicketGrant {
    public None {
      requireNonNull(verdict, "verdict");
    }
  }
}
