package io.tlsscan.probe.raw;

import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import java.util.Arrays;
import java.util.List;

/** The hellos the probes send, built the same way everywhere. */
public final class Hellos {
  /** Every group with TLS 1.3 key shares, in code point order. */
  public static final List<NamedGroup> TLS13_GROUPS =
      Arrays.stream(NamedGroup.values()).filter(NamedGroup::tls13).toList();

  private Hellos() {}

  /** A hello for {@code version} offering {@code suites} (TLS 1.3: with an x25519 key share). */
  public static ClientHello offering(
      ProtocolVersion version, List<CipherSuite> suites, String serverName) {
    return builder(version, serverName).cipherSuites(suites).build();
  }

  /** A hello offering {@code suites} and exactly {@code groups}, with no TLS 1.3 key share. */
  public static ClientHello offeringGroups(
      ProtocolVersion version,
      List<CipherSuite> suites,
      List<NamedGroup> groups,
      String serverName) {
    ClientHelloBuilder builder = builder(version, serverName).cipherSuites(suites).groups(groups);
    if (version == ProtocolVersion.TLSv1_3) {
      builder = builder.keyShares(List.of());
    }
    return builder.build();
  }

  /**
   * A TLS 1.3 hello offering {@code suites} and every {@linkplain #TLS13_GROUPS TLS 1.3 group},
   * with no key share: a server that speaks TLS 1.3 answers with a HelloRetryRequest (RFC 8446
   * section 4.1.4) naming the suite it picked and the group it prefers, which costs it neither a
   * key exchange nor a signature.
   */
  public static ClientHello retrying(List<CipherSuite> suites, String serverName) {
    return offeringGroups(ProtocolVersion.TLSv1_3, suites, TLS13_GROUPS, serverName);
  }

  /**
   * A hello for {@code version} offering {@code suites} and asking to resume {@code sessionId},
   * without the session_ticket extension: a resumption by the id alone.
   */
  public static ClientHello resuming(
      ProtocolVersion version, List<CipherSuite> suites, byte[] sessionId, String serverName) {
    return builder(version, serverName)
        .cipherSuites(suites)
        .sessionId(sessionId)
        .withoutSessionTicket()
        .build();
  }

  /**
   * A TLS 1.0-1.2 hello offering {@code suites} and the session {@code ticket} (RFC 5077), with the
   * session id a server that accepts the ticket echoes (section 3.4).
   */
  public static ClientHello resumingTicket(
      ProtocolVersion version,
      List<CipherSuite> suites,
      byte[] sessionId,
      byte[] ticket,
      String serverName) {
    return builder(version, serverName)
        .cipherSuites(suites)
        .sessionTicket(ticket)
        .sessionId(sessionId)
        .build();
  }

  /** An SSLv2 CLIENT-HELLO offering every SSLv2 cipher spec. */
  public static ClientHello sslv2() {
    return ClientHelloBuilder.forVersion(ProtocolVersion.SSLv2).build();
  }

  /** A builder for {@code version} with the server name set (none for {@code null}). */
  public static ClientHelloBuilder builder(ProtocolVersion version, String serverName) {
    ClientHelloBuilder builder = ClientHelloBuilder.forVersion(version);
    return serverName == null ? builder : builder.serverName(serverName);
  }
}
