package io.tlsscan.probe.protocols;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Handshake;
import io.tlsscan.target.Transport;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerFlight;
import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.Sslv2CipherSpec;
import java.util.List;
import java.util.Optional;

/**
 * The handshake facts and certificate chain a server showed to a raw hello, for servers that accept
 * only what the TLS library cannot offer (NULL, DHE, 3DES, RC4, SSLv3, SSLv2...). Below TLS 1.3 the
 * Certificate message travels in the clear, so the protocols probe's answers already carry it.
 *
 * @param handshake the version and suite the server chose, marked as coming from a raw hello
 * @param chain the DER certificates it sent; empty for anonymous suites
 */
public record RawHelloFacts(Handshake handshake, List<byte[]> chain) {
  public RawHelloFacts {
    requireNonNull(handshake, "handshake");
    chain = List.copyOf(chain);
  }

  /**
   * The facts of the newest accepted version whose ServerHello came with the whole rest of its
   * flight, up to ServerHelloDone, if any did (SSLv2 only when it sent a certificate). A server
   * whose flight breaks off or turns to garbage has not shown a working handshake.
   */
  public static Optional<RawHelloFacts> from(ProtocolsResult protocols) {
    List<ProtocolVersion> accepted = protocols.acceptedVersions();
    for (int i = accepted.size() - 1; i >= 0; i--) {
      ServerResponse response = protocols.accepted(accepted.get(i)).response();
      Optional<RawHelloFacts> facts = of(response, protocols.transport());
      if (facts.isPresent()) {
        return facts;
      }
    }
    return Optional.empty();
  }

  /**
   * The facts of one answer, when it is a ServerHello with its whole flight (or an SSLv2
   * SERVER-HELLO with a certificate), the version named as {@code transport} names it.
   */
  public static Optional<RawHelloFacts> of(ServerResponse response, Transport transport) {
    if (response instanceof ServerResponse.ServerHello hello
        && hello.flight().filter(ServerFlight::complete).isPresent()) {
      List<byte[]> chain = hello.flight().get().certificates();
      String cipher =
          hello
              .suite()
              .map(CipherSuite::ianaName)
              .orElse(String.format("0x%04X", hello.cipherSuite()));
      String group = hello.negotiatedGroup().map(NamedGroup::ianaName).orElse(null);
      return Optional.of(
          new RawHelloFacts(
              new Handshake(
                  transport.versionName(hello.version()),
                  cipher,
                  group,
                  null,
                  false,
                  false,
                  Handshake.SOURCE_RAW_HELLO),
              chain));
    }
    if (response instanceof ServerResponse.Sslv2ServerHello hello
        && hello.certificate().length > 0) {
      String cipher =
          hello.knownCipherSpecs().stream()
              .findFirst()
              .map(Sslv2CipherSpec::name)
              .orElse("unknown");
      return Optional.of(
          new RawHelloFacts(
              new Handshake(
                  ProtocolVersion.SSLv2.reportName(),
                  cipher,
                  null,
                  null,
                  false,
                  false,
                  Handshake.SOURCE_RAW_HELLO),
              List.of(hello.certificate())));
    }
    return Optional.empty();
  }
}
