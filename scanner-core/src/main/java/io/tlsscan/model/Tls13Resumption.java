package io.tlsscan.model;

/**
 * What a TLS 1.3 server offers for resumption: its session ticket after a full handshake and
 * whether it resumes from it.
 *
 * @param issuesTicket whether it sent a NewSessionTicket after the handshake
 * @param ticketLifetime the ticket's ticket_lifetime in seconds; {@code null} without a ticket
 * @param maxEarlyData the max_early_data_size of the ticket's early_data extension, the 0-RTT bytes
 *     the server will take; {@code null} when the ticket allows no early data or there is none
 * @param resumesByPsk whether it resumed from the ticket offered as a PSK; false without a ticket;
 *     {@code null} when not known ({@code pskError} says why)
 * @param pskError why {@code resumesByPsk} is {@code null}; {@code null} otherwise
 */
public record Tls13Resumption(
    boolean issuesTicket,
    Long ticketLifetime,
    Long maxEarlyData,
    Boolean resumesByPsk,
    String pskError) {}
