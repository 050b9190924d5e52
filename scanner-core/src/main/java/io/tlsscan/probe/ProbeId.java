package io.tlsscan.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The probes a scan can run ({@code --probes}). Every target first gets a full handshake, which
 * also tells whether it speaks TLS at all; the probes decide what else is asked.
 */
public enum ProbeId {
  /** The certificate chain of the full handshake, judged ({@code certificate} section). */
  CERT,
  /** Which protocol versions the server accepts, by raw hellos ({@code protocols}). */
  PROTOCOLS,
  /** Which suites each accepted version accepts, and the server's order ({@code ciphers}). */
  CIPHERS,
  /** Which key-exchange groups the server accepts ({@code groups}). */
  GROUPS,
  /** One HTTPS request: status, redirect, Server header and HSTS ({@code http}). */
  HTTP,
  /** JARM, JA3S and JA4S fingerprints ({@code fingerprints}); ten connections, at most eleven. */
  JARM,
  /** Known weaknesses, tried on the wire or read from the suites ({@code vulnerabilities}). */
  VULNS,
  /**
   * What the server keeps and sends: the stapled OCSP response, SCTs, session resumption, the
   * application protocols and signature algorithms it accepts ({@code session}).
   */
  SESSION;

  /** What runs when nothing is said: what a compliance scan needs. */
  public static final Set<ProbeId> DEFAULT = EnumSet.of(CERT, PROTOCOLS, CIPHERS);

  /** The name on the command line, e.g. {@code protocols}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma-separated list such as {@code cert,protocols} or {@code all}.
   *
   * @throws IllegalArgumentException naming the unknown entry and the known ones
   */
  public static Set<ProbeId> parseList(String text) {
    Set<ProbeId> probes = EnumSet.noneOf(ProbeId.class);
    List<String> unknown = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        probes.addAll(EnumSet.allOf(ProbeId.class));
        continue;
      }
      Arrays.stream(values())
          .filter(p -> p.cliName().equals(name))
          .findFirst()
          .ifPresentOrElse(probes::add, () -> unknown.add(part.trim()));
    }
    if (!unknown.isEmpty() || probes.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown probe "
              + (unknown.isEmpty() ? "list \"" + text + "\"" : String.join(", ", unknown))
              + " (known: "
              + Arrays.stream(values()).map(ProbeId::cliName).collect(Collectors.joining(", "))
              + ", all)");
    }
    return probes;
  }
}
