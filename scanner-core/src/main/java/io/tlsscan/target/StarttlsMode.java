package io.tlsscan.target;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What {@code --starttls} asks for lines without a URL scheme: {@link Auto} picks the protocol from
 * a well-known port (25 is SMTP, 143 IMAP...), {@link None} always speaks TLS at once, {@link
 * Fixed} speaks one protocol to every such line and makes its port the default.
 */
public sealed interface StarttlsMode {
  /** The default: the protocol of a well-known port, else plain TLS. */
  Auto AUTO = new Auto();

  /** The port used when a line names none. */
  int defaultPort();

  /** The protocol for a scheme-less line on {@code port}, empty for plain TLS. */
  Optional<StarttlsProtocol> protocolFor(int port);

  /**
   * Parses a {@code --starttls} value: {@code auto}, {@code none} or a protocol name.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  static StarttlsMode parse(String value) {
    requireNonNull(value, "value");
    if (value.equalsIgnoreCase("auto")) {
      return AUTO;
    }
    if (value.equalsIgnoreCase("none")) {
      return new None();
    }
    return StarttlsProtocol.byName(value)
        .<StarttlsMode>map(Fixed::new)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown STARTTLS protocol "
                        + InputText.quote(value)
                        + "; expected auto, none or one of "
                        + protocolNames()));
  }

  private static String protocolNames() {
    StringBuilder names = new StringBuilder();
    for (StarttlsProtocol protocol : StarttlsProtocol.values()) {
      names.append(names.length() == 0 ? "" : ", ").append(protocol.wireName());
    }
    return names.toString();
  }

  /** The protocol of a well-known port; port 443 by default. */
  record Auto() implements StarttlsMode {
    @Override
    public int defaultPort() {
      return TargetParser.DEFAULT_PORT;
    }

    @Override
    public Optional<StarttlsProtocol> protocolFor(int port) {
      return StarttlsProtocol.byWellKnownPort(port);
    }
  }

  /** Plain TLS on every scheme-less line. */
  record None() implements StarttlsMode {
    @Override
    public int defaultPort() {
      return TargetParser.DEFAULT_PORT;
    }

    @Override
    public Optional<StarttlsProtocol> protocolFor(int port) {
      return Optional.empty();
    }
  }

  /** One protocol for every scheme-less line, its port the default. */
  record Fixed(StarttlsProtocol protocol) implements StarttlsMode {
    public Fixed {
      requireNonNull(protocol, "protocol");
    }

    @Override
    public int defaultPort() {
      return protocol.defaultPort();
    }

    @Override
    public Optional<StarttlsProtocol> protocolFor(int port) {
      return Optional.of(protocol);
    }
  }
}
