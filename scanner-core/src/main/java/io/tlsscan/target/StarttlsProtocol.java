package io.tlsscan.target;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The plain-text protocols whose servers can switch a connection to TLS (STARTTLS and its kin),
 * each with its default port. The preamble each speaks lives in {@code io.tlsscan.net.starttls}.
 */
public enum StarttlsProtocol {
  /** SMTP, RFC 3207 / 5321: EHLO, STARTTLS, 220. */
  SMTP("smtp", 25),
  /** Message submission, RFC 6409: SMTP on port 587. */
  SUBMISSION("submission", 587),
  /** LMTP, RFC 2033: like SMTP with LHLO. */
  LMTP("lmtp", 24),
  /** IMAP, RFC 3501 / 2595: CAPABILITY, STARTTLS. */
  IMAP("imap", 143),
  /** POP3, RFC 2595: CAPA, STLS. */
  POP3("pop3", 110),
  /** FTP, RFC 4217: AUTH TLS, 234. */
  FTP("ftp", 21),
  /** LDAP, RFC 4511: the StartTLS extended operation 1.3.6.1.4.1.1466.20037. */
  LDAP("ldap", 389),
  /** XMPP client-to-server, RFC 6120. */
  XMPP("xmpp", 5222),
  /** XMPP server-to-server, RFC 6120. */
  XMPP_SERVER("xmpp-server", 5269),
  /** NNTP, RFC 4642: CAPABILITIES, STARTTLS, 382. */
  NNTP("nntp", 119),
  /** ManageSieve, RFC 5804. */
  SIEVE("sieve", 4190),
  /** IRC with the IRCv3 STARTTLS extension: STARTTLS, numeric 670. */
  IRC("irc", 6667),
  /** PostgreSQL's SSLRequest message. */
  POSTGRES("postgres", 5432),
  /** MySQL / MariaDB: the SSL capability and the SSL request packet. */
  MYSQL("mysql", 3306);

  private final String wireName;
  private final int defaultPort;

  StarttlsProtocol(String wireName, int defaultPort) {
    this.wireName = wireName;
    this.defaultPort = defaultPort;
  }

  /** The name in records, URLs and {@code --starttls}, e.g. {@code xmpp-server}. */
  public String wireName() {
    return wireName;
  }

  /** The port the protocol is served on when a line names none. */
  public int defaultPort() {
    return defaultPort;
  }

  /** The protocol named {@code name} (any case), if there is one. */
  public static Optional<StarttlsProtocol> byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.wireName.equals(lower)).findFirst();
  }

  /**
   * The protocol whose well-known port {@code port} is, for {@code --starttls auto}; IRC has no
   * STARTTLS port of its own (6667 is mostly plain), so it is only used when asked for.
   */
  public static Optional<StarttlsProtocol> byWellKnownPort(int port) {
    return Arrays.stream(values()).filter(p -> p != IRC && p.defaultPort == port).findFirst();
  }
}
