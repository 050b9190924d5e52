package io.tlsscan.target;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Turns one host-list line into targets. Immutable and thread-safe.
 *
 * <p>A line is {@code HOST[:PORT] [CONNECT_ADDRESS]}, fields separated by spaces or tabs:
 *
 * <ul>
 *   <li>{@code HOST} is a DNS name (IDN allowed; normalised to lower-case A-labels without a
 *       trailing dot), an IPv4 dotted quad, or an IPv6 address: in brackets when a port follows
 *       ({@code [2001:db8::1]:8443}), bare otherwise ({@code 2001:db8::1}).
 *   <li>{@code PORT} is 1-65535, default 443; a list {@code host:443,8443} gives one target per
 *       port.
 *   <li>{@code HOST} may be a CIDR range, {@code 10.1.2.0/30} or {@code [2001:db8::]/126}, with
 *       optional ports; it gives one target per address (and port), produced lazily. IPv4 ranges
 *       must be /16 or longer, IPv6 ranges /112 or longer.
 *   <li>{@code SCHEME://host[:port][/path]} is accepted too, the path ignored: {@code https}, the
 *       implicit-TLS {@code smtps imaps pop3s ldaps ftps}, and every {@link StarttlsProtocol}
 *       ({@code smtp://mail.example.com} speaks SMTP, then STARTTLS). The scheme sets the default
 *       port. An unknown scheme is an invalid line naming it.
 *   <li>A line without a scheme speaks what the {@link StarttlsMode} says: by default the protocol
 *       of a well-known port ({@code mail.example.com:25} is SMTP), else TLS at once.
 *   <li>{@code dtls://host:port} is a DTLS server on that UDP port ({@link Transport#DTLS}); no
 *       STARTTLS protocol is picked for it.
 *   <li>{@code CONNECT_ADDRESS}, an IP literal (IPv6 with or without brackets), is connected to
 *       instead of resolving {@code HOST}; {@code HOST} stays the SNI name and the name the
 *       certificate is checked against, like curl's {@code --resolve}.
 *   <li>{@code #} at the start of a line or after white space starts a comment. Blank and
 *       comment-only lines give nothing.
 * </ul>
 *
 * <p>Any other line gives exactly one {@link InvalidTarget} whose reason names what was wrong and
 * repeats the offending token. {@link #parse} never throws for bad input.
 */
public final class TargetParser {
  /** The port used when a line names none. */
  public static final int DEFAULT_PORT = 443;

  /** Longest line accepted, in characters (the reader's byte limit is the same number). */
  public static final int MAX_LINE_CHARS = 4096;

  private static final Pattern FIELD_SEPARATORS = Pattern.compile("[ \t]+");

  private final StarttlsMode starttls;

  /** A parser with {@code --starttls auto}: port 443 by default, well-known ports speak theirs. */
  public TargetParser() {
    this(StarttlsMode.AUTO);
  }

  /** A parser that gives scheme-less lines the protocol and default port {@code starttls} says. */
  public TargetParser(StarttlsMode starttls) {
    this.starttls = requireNonNull(starttls, "starttls");
  }

  /** The port used when a line names neither a port nor a scheme. */
  public int defaultPort() {
    return starttls.defaultPort();
  }

  /**
   * The entries of one line: none for a blank or comment line, one {@link InvalidTarget} for a bad
   * line, otherwise one {@link Target} per host and port. Ranges are expanded lazily as the stream
   * is consumed, so even a /16 with several ports costs no memory up front.
   *
   * @param text the line without its line terminator
   * @param line the line number to record, 1-based
   */
  public Stream<HostListEntry> parse(String text, long line) {
    requireNonNull(text, "text");
    try {
      return targets(text, line);
    } catch (InvalidLineException e) {
      return Stream.of(new InvalidTarget(stripBlanks(text), line, e.getMessage()));
    }
  }

  private Stream<HostListEntry> targets(String text, long line) throws InvalidLineException {
    if (text.length() > MAX_LINE_CHARS) {
      throw new InvalidLineException("line longer than " + MAX_LINE_CHARS + " characters");
    }
    checkNoControlCharacters(text);
    String input = stripBlanks(text);
    String content = stripBlanks(withoutComment(input));
    if (content.isEmpty()) {
      return Stream.empty();
    }
    String[] fields = FIELD_SEPARATORS.split(content);
    if (fields.length > 2) {
      throw new InvalidLineException(
          "too many fields (" + fields.length + "), expected HOST[:PORT] [CONNECT_ADDRESS]");
    }
    HostField hostField = HostField.parse(fields[0], starttls.defaultPort());
    InetAddress connectAddress = fields.length == 2 ? connectAddress(fields[1]) : null;
    if (connectAddress != null && hostField.hosts() instanceof AddressRange) {
      throw new InvalidLineException(
          "connect address "
              + InputText.quote(fields[1])
              + " cannot be used with the range "
              + InputText.quote(fields[0]));
    }
    return expand(input, line, hostField, connectAddress);
  }

  private Stream<HostListEntry> expand(
      String input, long line, HostField hostField, InetAddress connectAddress) {
    HostSet hosts = hostField.hosts();
    List<Integer> ports = hostField.ports();
    int portCount = ports.size();
    return LongStream.range(0, hosts.size() * portCount)
        .mapToObj(
            i -> {
              Host host = hosts.get(i / portCount);
              int port = ports.get((int) (i % portCount));
              InetAddress address = connectAddress != null ? connectAddress : host.address();
              String sni = host.address() == null ? host.name() : null;
              StarttlsProtocol protocol =
                  hostField.transport() != Transport.TCP
                      ? null
                      : hostField.scheme() != null
                          ? hostField.scheme().starttls()
                          : starttls.protocolFor(port).orElse(null);
              return new Target(
                  input,
                  line,
                  host.name(),
                  port,
                  address,
                  sni,
                  protocol,
                  hostField.transport(),
                  hostField.scheme());
            });
  }

  private static InetAddress connectAddress(String field) throws InvalidLineException {
    boolean bracketed = field.startsWith("[") && field.endsWith("]");
    String literal = bracketed ? field.substring(1, field.length() - 1) : field;
    return IpAddresses.parse(literal)
        .orElseThrow(
            () ->
                new InvalidLineException(
                    "connect address " + InputText.quote(field) + " is not an IP address"));
  }

  private static void checkNoControlCharacters(String text) throws InvalidLineException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\t' && Character.isISOControl(c)) {
        throw new InvalidLineException(
            String.format("control character 0x%02X at column %d", (int) c, i + 1));
      }
    }
  }

  /** The text before a {@code #} that starts the line or follows a space or tab. */
  private static String withoutComment(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '#' && (i == 0 || isBlank(text.charAt(i - 1)))) {
        return text.substring(0, i);
      }
    }
    return text;
  }

  /** The text without leading and trailing spaces and tabs. */
  private static String stripBlanks(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
