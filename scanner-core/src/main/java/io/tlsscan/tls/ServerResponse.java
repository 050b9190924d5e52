package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one answer {@link ServerResponseDecoder} reads from a server after a raw ClientHello.
 *
 * <pre>{@code
 * if (response instanceof ServerResponse.ServerHello hello) {
 *   accepted(hello.suite());
 * } else if (response instanceof ServerResponse.Alert alert) {
 *   refused(alert.descriptionName());
 * }
 * }</pre>
 */
public sealed interface ServerResponse {

  /**
   * Whether this answer accepts a hello for {@code version}: a ServerHello for that very version (a
   * ServerHello for another means "not this one"), a HelloRetryRequest, which only TLS 1.3 has, or
   * an SSLv2 SERVER-HELLO.
   */
  default boolean accepts(ProtocolVersion version) {
    return false;
  }

  /**
   * The server accepted the hello.
   *
   * @param version the negotiated version (from supported_versions when present)
   * @param cipherSuite the chosen suite's code point
   * @param compressionMethod 0 for null, 1 for DEFLATE
   * @param sessionId the session id the server sent
   * @param keyShareGroup the group of the server's TLS 1.3 key share, if any
   * @param extensions the extension types in the ServerHello, in order
   * @param secureRenegotiation whether the server sent renegotiation_info (RFC 5746)
   * @param applicationProtocol the protocol the server selected by ALPN (RFC 7301), if it did (in
   *     TLS 1.3 the selection is encrypted, so always empty there)
   * @param flight the certificate and key exchange that followed, when they were asked for ({@link
   *     ServerResponseDecoder.Scope#SERVER_FLIGHT}) and the version is below TLS 1.3
   */
  record ServerHello(
      ProtocolVersion version,
      int cipherSuite,
      int compressionMethod,
      byte[] sessionId,
      OptionalInt keyShareGroup,
      List<Integer> extensions,
      boolean secureRenegotiation,
      Optional<String> applicationProtocol,
      Optional<ServerFlight> flight)
      implements ServerResponse {
    public ServerHello {
      requireNonNull(version, "version");
      sessionId = sessionId.clone();
      requireNonNull(keyShareGroup, "keyShareGroup");
      extensions = List.copyOf(extensions);
      requireNonNull(applicationProtocol, "applicationProtocol");
      requireNonNull(flight, "flight");
    }

    @Override
    public byte[] sessionId() {
      return sessionId.clone();
    }

    @Override
    public boolean accepts(ProtocolVersion asked) {
      return version == asked;
    }

    /** The chosen suite, unless its code point is unknown. */
    public Optional<CipherSuite> suite() {
      return CipherSuite.byCode(cipherSuite);
    }

    /** The key-share group, unless absent or unknown. */
    public Optional<NamedGroup> group() {
      return keyShareGroup.isPresent()
          ? NamedGroup.byCode(keyShareGroup.getAsInt())
          : Optional.empty();
    }

    /**
     * The group of the key exchange: the key-share group (TLS 1.3), else the named curve of the
     * ServerKeyExchange (TLS 1.2 and older, when the flight was read); empty when unknown.
     */
    public Optional<NamedGroup> negotiatedGroup() {
      return group()
          .or(
              () ->
                  flight()
                      .flatMap(ServerFlight::keyExchange)
                      .flatMap(KeyExchangeParameters::namedGroup));
    }

    /** Whether the server agreed to the extended master secret (RFC 7627 section 5.1). */
    public boolean extendedMasterSecret() {
      return hasExtension(TlsWire.EXT_EXTENDED_MASTER_SECRET);
    }

    /** Whether the server will send a session ticket below TLS 1.3 (RFC 5077 section 3.2). */
    public boolean promisesTicket() {
      return hasExtension(TlsWire.EXT_SESSION_TICKET);
    }

    /**
     * Whether the server agreed to heartbeats (RFC 6520): the OpenSSL versions with Heartbleed
     * always did when the client offered them.
     */
    public boolean heartbeat() {
      return hasExtension(TlsWire.EXT_HEARTBEAT);
    }

    /** Whether the ServerHello carried an extension of this type. */
    public boolean hasExtension(int type) {
      return extensions.contains(type);
    }

    ServerHello withFlight(ServerFlight serverFlight) {
      return new ServerHello(
          version,
          cipherSuite,
          compressionMethod,
          sessionId,
          keyShareGroup,
          extensions,
          secureRenegotiation,
          applicationProtocol,
          Optional.of(serverFlight));
    }
  }

  /**
   * A TLS 1.3 HelloRetryRequest: the server accepts the suite but wants a key share for another
   * group.
   *
   * @param selectedGroup the group the server asks for, absent when it only sent a cookie
   * @param cipherSuite the chosen suite's code point
   */
  record HelloRetryRequest(OptionalInt selectedGroup, int cipherSuite) implements ServerResponse {
    public HelloRetryRequest {
      requireNonNull(selectedGroup, "selectedGroup");
    }

    @Override
    public boolean accepts(ProtocolVersion version) {
      return version == ProtocolVersion.TLSv1_3;
    }

    public Optional<NamedGroup> group() {
      return selectedGroup.isPresent()
          ? NamedGroup.byCode(selectedGroup.getAsInt())
          : Optional.empty();
    }

    public Optional<CipherSuite> suite() {
      return CipherSuite.byCode(cipherSuite);
    }
  }

  /**
   * A TLS alert instead of a ServerHello (warnings other than close_notify are skipped).
   *
   * @param level 1 warning, 2 fatal
   * @param description the alert code, see {@link AlertDescription}
   */
  record Alert(int level, int description) implements ServerResponse {
    public boolean fatal() {
      return level == 2;
    }

    /** The IANA name, e.g. {@code handshake_failure}, or {@code unknown(N)}. */
    public String descriptionName() {
      return AlertDescription.nameOf(description);
    }
  }

  /**
   * An SSL 2.0 SERVER-HELLO.
   *
   * @param cipherSpecs the three-byte codes of the cipher specs the server has in common with us
   * @param certificate the server certificate (DER), possibly empty
   */
  record Sslv2ServerHello(List<Integer> cipherSpecs, byte[] certificate) implements ServerResponse {
    public Sslv2ServerHello {
      cipherSpecs = List.copyOf(cipherSpecs);
      certificate = certificate.clone();
    }

    @Override
    public byte[] certificate() {
      return certificate.clone();
    }

    @Override
    public boolean accepts(ProtocolVersion version) {
      return version == ProtocolVersion.SSLv2;
    }

    /** The cipher specs that are known. */
    public List<Sslv2CipherSpec> knownCipherSpecs() {
      List<Sslv2CipherSpec> known = new ArrayList<>();
      cipherSpecs.forEach(code -> Sslv2CipherSpec.byCode(code).ifPresent(known::add));
      return List.copyOf(known);
    }
  }

  /**
   * An SSL 2.0 ERROR message: the server speaks SSLv2 but refused.
   *
   * @param code 1 no cipher, 2 no certificate, 4 bad certificate, 6 unsupported certificate type
   */
  record Sslv2Error(int code) implements ServerResponse {}

  /**
   * The server answered with something that is not TLS.
   *
   * @param description what it looked like, from {@link TlsRecordSniffer}
   */
  record NotTls(String description) implements ServerResponse {
    public NotTls {
      requireNonNull(description, "description");
    }
  }

  /** The server closed the connection without sending a single byte. */
  record Closed() implements ServerResponse {}

  /**
   * The server closed the connection in the middle of a record or message.
   *
   * @param reason what was missing
   */
  record Truncated(String reason) implements ServerResponse {
    public Truncated {
      requireNonNull(reason, "reason");
    }
  }

  /**
   * The answer broke the protocol or a limit.
   *
   * @param reason what was wrong
   */
  record Malformed(String reason) implements ServerResponse {
    public Malformed {
      requireNonNull(reason, "reason");
    }
  }
}
