package io.tlsscan.probe.vulns;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.probe.protocols.ProtocolsResult;
import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A version the server accepts and suites it accepts in that version, to build hellos the server
 * will answer with a ServerHello.
 *
 * @param version the version
 * @param suites suites the ciphers probe saw accepted in it (at most 128)
 */
record LegacyOffer(ProtocolVersion version, List<CipherSuite> suites) {
  LegacyOffer {
    requireNonNull(version, "version");
    suites = List.copyOf(suites);
  }

  /**
   * The newest version below TLS 1.3 that the server accepts, with its suites; empty when it
   * accepts none (the attacks tried here need TLS 1.2 or older).
   */
  static Optional<LegacyOffer> newestBelowTls13(ProtocolsResult protocols, CipherSupport ciphers) {
    List<ProtocolVersion> accepted = protocols.acceptedVersions();
    for (int i = accepted.size() - 1; i >= 0; i--) {
      ProtocolVersion version = accepted.get(i);
      if (version != ProtocolVersion.TLSv1_3 && version != ProtocolVersion.SSLv2) {
        return Optional.of(of(version, ciphers));
      }
    }
    return Optional.empty();
  }

  /** {@code version} with the suites {@code ciphers} lists for it. */
  static LegacyOffer of(ProtocolVersion version, CipherSupport ciphers) {
    List<CipherSuite> suites = new ArrayList<>();
    for (CipherInfo info : ciphers.byVersion().getOrDefault(version.reportName(), List.of())) {
      CipherSuite.byName(info.name())
          .filter(suite -> suites.size() < ClientHelloBuilder.MAX_CIPHER_SUITES - 1)
          .ifPresent(suites::add);
    }
    return new LegacyOffer(version, suites);
  }

  /** A hello builder for this version offering these suites, then {@code more}. */
  ClientHelloBuilder hello(String serverName, CipherSuite... more) {
    List<CipherSuite> offered = new ArrayList<>(suites);
    offered.addAll(List.of(more));
    return Hellos.builder(version, serverName).cipherSuites(offered);
  }
}
