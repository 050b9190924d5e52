package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandler;
import io.tlsscan.net.Endpoint;

/** The preamble handler for an endpoint's STARTTLS protocol: a new one per connection. */
public final class Preambles {
  private Preambles() {}

  /**
   * A new handler that speaks {@code endpoint}'s protocol up to the point where TLS may start.
   *
   * @throws IllegalArgumentException if the endpoint speaks TLS from the first byte
   */
  public static ChannelHandler handler(Endpoint endpoint) {
    if (endpoint.starttls() == null) {
      throw new IllegalArgumentException("no STARTTLS protocol for " + endpoint.address());
    }
    return switch (endpoint.starttls()) {
      case SMTP, SUBMISSION, LMTP -> new SmtpPreamble(endpoint.starttls());
      case IMAP -> new ImapPreamble();
      case POP3 -> new Pop3Preamble();
      case FTP -> new FtpPreamble();
      case LDAP -> new LdapPreamble();
      case XMPP, XMPP_SERVER -> new XmppPreamble(endpoint.starttls(), endpoint.host());
      case NNTP -> new NntpPreamble();
      case SIEVE -> new SievePreamble();
      case IRC -> new IrcPreamble();
      case POSTGRES -> new PostgresPreamble();
      case MYSQL -> new MysqlPreamble();
    };
  }
}
