package io.tlsscan.tls;

import java.util.OptionalLong;

/**
 * A TLS 1.3 NewSessionTicket (RFC 8446 section 4.6.1) and what a client needs to resume from it.
 *
 * @param lifetimeSeconds the ticket_lifetime
 * @param maxEarlyData the max_early_data_size of its early_data extension; empty without one
 * @param ageAdd the ticket_age_add
 * @param ticket the opaque ticket (the PSK identity)
 * @param psk the pre-shared key it stands for
 * @param suite the suite of the session, whose hash the PSK belongs to
 * @param group the key-exchange group of the session, which a resumption offers its key share for
 * @param receivedNanos {@link System#nanoTime} when it arrived
 */
public record Tls13Ticket(
    long lifetimeSeconds,
    OptionalLong maxEarlyData,
    long ageAdd,
    byte[] ticket,
    byte[] psk,
    CipherSuite suite,
    NamedGroup group,
    long receivedNanos) {
  public Tls13Ticket {
    ticket = ticket.clone();
    psk = psk.clone();
  }

  @Override
  public byte[] ticket() {
    return ticket.clone();
  }

  @Override
  public byte[] psk() {
    return psk.clone();
  }
}
