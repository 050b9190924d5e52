package io.tlsscan.model;

/**
 * What a TLS 1.2 server keeps of a session and agrees to.
 *
 * @param resumesById whether it resumed a session by its id after a full handshake
 * @param promisesTicket whether its ServerHello announces a session ticket (RFC 5077)
 * @param extendedMasterSecret whether it agrees to the extended master secret (RFC 7627)
 */
public record Tls12Resumption(
    boolean resumesById, boolean promisesTicket, boolean extendedMasterSecret) {}
