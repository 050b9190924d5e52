package io.tlsscan.model;

import java.util.Locale;

/**
 * One check of the {@code vulnerabilities} section, in record order. {@code true} means the server
 * is vulnerable, unless the check is {@link #protective()}: then {@code true} is the healthy answer
 * (the server honours the protection).
 */
public enum Weakness {
  /** CVE-2014-0160: a heartbeat request with an over-long length is answered with more bytes. */
  HEARTBLEED(false),
  /** CVE-2014-0224: an early ChangeCipherSpec is accepted instead of refused. */
  CCS_INJECTION(false),
  /** A Bleichenbacher oracle on RSA key exchange (ROBOT). */
  ROBOT(false),
  /**
   * CVE-2016-9244 (F5 BIG-IP): a resumption from a session ticket echoes a 32-byte session id for a
   * shorter one, leaking memory.
   */
  TICKETBLEED(false),
  /** TLS_FALLBACK_SCSV (RFC 7507) is honoured: a downgraded retry is refused. */
  FALLBACK_SCSV(true),
  /** RFC 5746 renegotiation_info is sent back in the ServerHello. */
  SECURE_RENEGOTIATION(true),
  /** The server accepts a renegotiation the client starts (a denial-of-service lever). */
  CLIENT_RENEGOTIATION(false),
  /** TLS compression (CRIME): the server picks DEFLATE when offered. */
  COMPRESSION(false),
  /** SSLv3 with CBC suites. */
  POODLE_SSL3(false),
  /** 64-bit block ciphers (3DES, IDEA, DES, RC2). */
  SWEET32(false),
  /** RSA export suites. */
  FREAK(false),
  /** DHE export suites, or DHE with a prime of 1024 bits or less. */
  LOGJAM(false),
  /** RC4 suites. */
  RC4(false),
  /** CBC suites on TLS 1.0 or SSLv3. */
  BEAST(false),
  /** SSLv2 on this endpoint. */
  DROWN(false),
  /** CBC suites (a padding-oracle timing attack surface). */
  LUCKY13(false);

  private final boolean protective;

  Weakness(boolean protective) {
    this.protective = protective;
  }

  /** Whether {@code true} is the healthy answer (a protection is in place). */
  public boolean protective() {
    return protective;
  }

  /** The key in the record, e.g. {@code ccs_injection}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether {@code answer} is the unhealthy one: true for a flaw, false for a protection. */
  public boolean isProblem(boolean answer) {
    return answer != protective;
  }
}
