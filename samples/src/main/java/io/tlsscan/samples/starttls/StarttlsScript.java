package io.tlsscan.samples.starttls;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a STARTTLS test server says: a greeting on connect, then for each thing the client sends
 * that contains a rule's trigger, that rule's reply; a rule may hand the connection to TLS after
 * its reply. Text is ISO-8859-1, so binary protocols (PostgreSQL, MySQL, LDAP) fit too. Immutable.
 *
 * @param greeting sent on connect, or empty for a server that waits for the client
 * @param rules tried in order against what the client sent and not yet matched
 * @param pause time between the bytes of each reply (zero: all at once), for slow servers
 */
public record StarttlsScript(String greeting, List<Rule> rules, Duration pause) {
  public StarttlsScript {
    requireNonNull(greeting, "greeting");
    rules = List.copyOf(rules);
    requireNonNull(pause, "pause");
  }

  /**
   * One reply.
   *
   * @param trigger what the client's bytes must contain
   * @param reply what to send back (may be empty)
   * @param startTls whether TLS starts after the reply
   */
  public record Rule(String trigger, String reply, boolean startTls) {
    public Rule {
      requireNonNull(trigger, "trigger");
      requireNonNull(reply, "reply");
    }
  }

  /** A script that sends {@code greeting} and knows no command yet. */
  public static StarttlsScript greeting(String greeting) {
    return new StarttlsScript(greeting, List.of(), Duration.ZERO);
  }

  /** This script plus a rule that answers {@code trigger} with {@code reply}. */
  public StarttlsScript on(String trigger, String reply) {
    return with(new Rule(trigger, reply, false));
  }

  /** This script plus a rule that answers {@code trigger} with {@code reply}, then starts TLS. */
  public StarttlsScript tlsOn(String trigger, String reply) {
    return with(new Rule(trigger, reply, true));
  }

  /** The same script, each reply sent a byte at a time {@code pause} apart. */
  public StarttlsScript slow(Duration pause) {
    return new StarttlsScript(greeting, rules, pause);
  }

  private StarttlsScript with(Rule rule) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule);
    return new StarttlsScript(greeting, more, pause);
  }

  /** An SMTP server (RFC 5321) that offers STARTTLS in a multi-line EHLO reply. */
  public static StarttlsScript smtp(String name) {
    return greeting("220 " + name + " ESMTP tlsscan test\r\n")
        .on(
            "EHLO",
            "250-"
                + name
                + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250 8BITMIME\r\n")
        .tlsOn("STARTTLS\r\n", "220 2.0.0 Ready to start TLS\r\n");
  }
}
