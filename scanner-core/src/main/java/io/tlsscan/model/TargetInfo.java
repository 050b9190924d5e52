package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * The report's {@code target} section: what was asked for and what was actually scanned.
 *
 * @param input the host-list line as given (trimmed), or the command-line argument
 * @param line 1-based line number in the host list (argument position for positional targets)
 * @param host host name or IP literal, or {@code null} when the line could not be parsed
 * @param port TCP port, or {@code null} when the line could not be parsed
 * @param ip the IP address connected to, or {@code null} when none was reached
 * @param sni the server name sent, or {@code null} (IP literals send none)
 * @param starttls the protocol spoken before TLS ({@code smtp}, {@code imap}...), or {@code null}
 *     for TLS from the first byte
 * @param transport {@code tcp}, or {@code dtls} for DTLS over UDP
 */
public record TargetInfo(
    String input,
    long line,
    String host,
    Integer port,
    String ip,
    String sni,
    String starttls,
    String transport) {
  public TargetInfo {
    requireNonNull(input, "input");
    requireNonNull(transport, "transport");
  }

  /** The target section of a target spoken to in TLS over TCP from the first byte. */
  public TargetInfo(String input, long line, String host, Integer port, String ip, String sni) {
    this(input, line, host, port, ip, sni, null, "tcp");
  }
}
