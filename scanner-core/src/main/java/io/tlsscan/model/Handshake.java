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
 * @param source {@code tls_library} for a full handshake through BoringSSL, {@code raw_hello} when
 *     the server accepts only what BoringSSL cannot offer and the facts come from a hand-built
 *     hello (the handshake was not completed)
 */
public record Handshake(
    String protocol,
    String cipher,
    String group,
    String alpn,
    boolean ocspStapled,
    boolean clientCertificateRequested,
    String source) {
  public static final String SOURCE_TLS_LIBRARY = "tls_library";
  public static final String SOURCE_RAW_HELLO = "raw_hello";

  public Handshake {
    requireNonNull(protocol, "protocol");
    requireNonNull(cipher, "cipher");
    requireNonNull(source, "source");
  }
}
