package io.tlsscan.model;

/**
 * Why a target (or one probe of it) could not be scanned: the closed set of {@code error.kind}
 * values of the report contract.
 */
public enum ErrorKind {
  /** The host-list line could not be parsed. */
  INVALID_TARGET,
  /** The host name did not resolve. */
  DNS,
  /** The TCP connection was refused (RST to the SYN). */
  REFUSED,
  /** No route to the address, or the network is down. */
  UNREACHABLE,
  /** The connect timeout or the per-target deadline ran out. */
  TIMEOUT,
  /** The server reset or closed the connection in the middle. */
  RESET,
  /** The server answered with something that is not TLS. */
  NOT_TLS,
  /**
   * The plain-text exchange before TLS failed: the server did not speak the STARTTLS protocol, did
   * not offer STARTTLS, or refused it.
   */
  STARTTLS_FAILED,
  /** The server ended the handshake with a fatal TLS alert. */
  TLS_ALERT,
  /** The handshake failed for another reason (no common protocol or suite, bad messages). */
  HANDSHAKE_FAILED,
  /**
   * A probe's request was answered with something its protocol does not allow, or over its limit
   * (an HTTP response that is not HTTP, or whose headers exceed the probe's cap).
   */
  BAD_RESPONSE,
  /** The scan was stopped (Ctrl-C) before this target finished. */
  CANCELLED,
  /** The server's answers did not settle a question (they differed between tries, say). */
  INCONCLUSIVE;

  /** The lower-case name used in the JSON report, e.g. {@code not_tls}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
