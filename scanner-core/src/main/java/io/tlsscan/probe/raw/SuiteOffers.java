package io.tlsscan.probe.raw;

import io.tlsscan.tls.Authentication;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.KeyExchange;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every cipher suite a version allows, split into hellos of at most {@link
 * ClientHelloBuilder#MAX_CIPHER_SUITES}: some servers reject longer hellos. The suites the common
 * TLS libraries implement come first (ECDHE, DHE and static RSA with certificates or anonymous, TLS
 * 1.3), so the first hello usually finds all a server accepts and the later ones only look for
 * rarities (DSS, static DH and ECDH, PSK, export, Kerberos, GOST...). Up to TLS 1.1 one hello holds
 * them all.
 *
 * <p>Two kinds of suite are never offered. {@code TLS_NULL_WITH_NULL_NULL}: RFC 5246 §A.5 says it
 * must not be negotiated. Suites that need a secret shared in advance ({@link
 * KeyExchange#needsSharedSecret}: PSK, DHE_PSK, ECDHE_PSK, RSA_PSK, SRP, ECCPWD): a client without
 * the key or password cannot complete them, so they are not "accepted" in the sense of this
 * scanner, and {@code openssl s_client} without {@code -psk} does not offer them either. Some
 * servers (wolfSSL) do pick a PSK suite for a hello without a PSK identity, and would then be
 * reported to accept suites no client of theirs can use.
 */
public final class SuiteOffers {
  private static final Set<KeyExchange> COMMON_KEY_EXCHANGES =
      EnumSet.of(KeyExchange.ECDHE, KeyExchange.DHE, KeyExchange.RSA, KeyExchange.ANY);
  private static final Set<Authentication> COMMON_AUTHENTICATIONS =
      EnumSet.of(Authentication.RSA, Authentication.ECDSA, Authentication.ANON, Authentication.ANY);

  private static final Map<ProtocolVersion, List<List<CipherSuite>>> CHUNKS =
      new EnumMap<>(ProtocolVersion.class);

  static {
    for (ProtocolVersion version : ProtocolVersion.values()) {
      if (version != ProtocolVersion.SSLv2) {
        CHUNKS.put(version, split(ordered(version)));
      }
    }
  }

  private SuiteOffers() {}

  /**
   * What to offer again after {@code answer} to a hello that offered {@code offer}: the suites but
   * the DHE ones, when the server closed the connection without a byte and the offer had both
   * kinds. A server without DH parameters that picks a DHE suite ends the handshake so (Dovecot),
   * which says nothing of its other suites. Empty when there is nothing to offer again.
   */
  static Optional<List<CipherSuite>> withoutDheAfterClose(
      ServerResponse answer, List<CipherSuite> offer) {
    if (!(answer instanceof ServerResponse.Closed)) {
      return Optional.empty();
    }
    List<CipherSuite> rest =
        offer.stream().filter(suite -> suite.keyExchange() != KeyExchange.DHE).toList();
    return rest.isEmpty() || rest.size() == offer.size() ? Optional.empty() : Optional.of(rest);
  }

  /** The hellos' worth of suites for {@code version} (SSLv3 to TLS 1.3), in offer order. */
  public static List<List<CipherSuite>> chunks(ProtocolVersion version) {
    return CHUNKS.get(version);
  }

  private static List<CipherSuite> ordered(ProtocolVersion version) {
    List<CipherSuite> suites = new ArrayList<>();
    for (CipherSuite suite : CipherSuite.forVersion(version)) {
      if (suite != CipherSuite.TLS_NULL_WITH_NULL_NULL
          && !suite.keyExchange().needsSharedSecret()) {
        suites.add(suite);
      }
    }
    suites.sort(Comparator.comparingInt(SuiteOffers::rank));
    return suites;
  }

  /** 0 for what the common libraries implement, 1 for the rest. */
  private static int rank(CipherSuite suite) {
    boolean common =
        COMMON_KEY_EXCHANGES.contains(suite.keyExchange())
            && COMMON_AUTHENTICATIONS.contains(suite.authentication())
            && !suite.export();
    return common ? 0 : 1;
  }

  private static List<List<CipherSuite>> split(List<CipherSuite> suites) {
    List<List<CipherSuite>> chunks = new ArrayList<>();
    int size = ClientHelloBuilder.MAX_CIPHER_SUITES;
    for (int start = 0; start < suites.size(); start += size) {
      chunks.add(List.copyOf(suites.subList(start, Math.min(suites.size(), start + size))));
    }
    return List.copyOf(chunks);
  }
}
