package io.tlsscan.model;

/**
 * What a TLS 1.2 server keeps of a session and agrees to.
 *
 * @param resumesById whether it resumed a session by its id after a full handshake
 * @param promisesTicket whether its ServerHello announces a session ticket (RFC 5077)
 * @param extendedMasterSecret whether it agrees to the extended master secret (RFC 7627)
 * @param resumesByTicket whether it resumed a session from the ticket it issued; false when it
 *     promises none; {@code null} when not known ({@code ticketError} says why)
 * @param ticketLifetimeHint the ticket_lifetime_hint of its NewSessionTicket in seconds (0: not
 *     specified); {@code null} when it issued no ticket or the handshake did not get that far
 * @param ticketError why {@code resumesByTicket} is {@code null}; {@code null} otherwise
 */
public record Tls12Resumption(
    boolean resumesById,
    boolean promisesTicket,
    boolean extendedMasterSecret,
    Boolean resumesByTicket,
    Long ticketLifetimeHint,
    String ticketError) {}
