package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * The report's {@code handshake} section: what was negotiated.
 *
 * @param protocol {@code TLSv1.0} .. {@code TLSv1.3}
 * @param cipher IANA cipher suite name
 * @param group the key-exchange group, or {@code null} when it could not be told
 * @param alpn the application protocol the server selected, or {@code null}
 * @param ocspStapled whether the server stapled an OCSP response
 * @param clientCertificateRequested whether the server asked for a client certificate
 */
public record Handshake(
    String protocol,
    String cipher,
    String group,
    String alpn,
    boolean ocspStapled,
    boolean clientCertificateRequested) {
  public Handshake {
    requireNonNull(protocol, "protocol");
    requireNonNull(cipher, "cipher");
  }
}
