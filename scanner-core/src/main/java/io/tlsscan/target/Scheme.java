package io.tlsscan.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A URL scheme a host-list line may start with ({@code smtp://mail.example.com}): the port it
 * implies and the STARTTLS protocol it speaks before TLS, {@code null} for TLS from the first byte.
 *
 * @param name the scheme, lower case
 * @param defaultPort the port when the URL names none
 * @param starttls the protocol spoken before TLS, or {@code null} for implicit TLS
 */
public record Scheme(String name, int defaultPort, StarttlsProtocol starttls) {
  /** Every scheme a line may use: implicit TLS ones first, then one per STARTTLS protocol. */
  public static final List<Scheme> ALL = all();

  private static List<Scheme> all() {
    List<Scheme> schemes = new ArrayList<>();
    schemes.add(new Scheme("https", 443, null));
    schemes.add(new Scheme("smtps", 465, null));
    schemes.add(new Scheme("imaps", 993, null));
    schemes.add(new Scheme("pop3s", 995, null));
    schemes.add(new Scheme("ldaps", 636, null));
    schemes.add(new Scheme("ftps", 990, null));
    for (StarttlsProtocol protocol : StarttlsProtocol.values()) {
      schemes.add(new Scheme(protocol.wireName(), protocol.defaultPort(), protocol));
    }
    return List.copyOf(schemes);
  }

  /** The scheme named {@code name} (any case), if tlsscan knows it. */
  public static Optional<Scheme> byName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(s -> s.name.equals(lower)).findFirst();
  }

  /** The scheme names, comma-separated, for error messages. */
  static String names() {
    return ALL.stream().map(Scheme::name).collect(Collectors.joining(", "));
  }
}
