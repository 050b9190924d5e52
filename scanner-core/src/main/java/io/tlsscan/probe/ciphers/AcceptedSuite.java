package io.tlsscan.probe.ciphers;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.KeyExchangeParameters;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ServerResponse;
import java.util.Optional;

/**
 * A suite the server chose, with the key exchange it showed alongside (the DHE prime or ECDHE curve
 * of its ServerKeyExchange, or its TLS 1.3 key share).
 *
 * @param suite the suite
 * @param group the ECDHE / TLS 1.3 group, if it showed
 * @param keyExchangeBits the DHE prime size (or the export RSA key size), if it showed
 */
record AcceptedSuite(
    CipherSuite suite, Optional<NamedGroup> group, Optional<Integer> keyExchangeBits) {
  AcceptedSuite {
    requireNonNull(suite, "suite");
    requireNonNull(group, "group");
    requireNonNull(keyExchangeBits, "keyExchangeBits");
  }

  /** The suite and key exchange of a ServerHello (and its flight) or HelloRetryRequest. */
  static AcceptedSuite of(CipherSuite suite, ServerResponse response) {
    if (response instanceof ServerResponse.ServerHello hello) {
      Optional<KeyExchangeParameters> kx = hello.flight().flatMap(f -> f.keyExchange());
      Optional<NamedGroup> group = hello.negotiatedGroup();
      Optional<Integer> bits = kx.flatMap(AcceptedSuite::bits);
      return new AcceptedSuite(suite, group, bits);
    }
    if (response instanceof ServerResponse.HelloRetryRequest retry) {
      return new AcceptedSuite(suite, retry.group(), Optional.empty());
    }
    return new AcceptedSuite(suite, Optional.empty(), Optional.empty());
  }

  private static Optional<Integer> bits(KeyExchangeParameters parameters) {
    if (parameters instanceof KeyExchangeParameters.DiffieHellman dh) {
      return Optional.of(dh.primeBits());
    }
    if (parameters instanceof KeyExchangeParameters.RsaKey rsa) {
      return Optional.of(rsa.modulusBits());
    }
    return Optional.empty();
  }

  /**
   * The report's entry. A DHE suite is weak unless its prime shows at least {@value
   * CipherSuite#STRONG_DHE_PRIME_BITS} bits (see {@link CipherSuite#strength(int)}).
   */
  CipherInfo info() {
    return new CipherInfo(
        suite.ianaName(),
        suite.openSslName().orElse(null),
        suite.bits(),
        suite.strength(keyExchangeBits.orElse(0)).wireName(),
        group.map(NamedGroup::ianaName).orElse(null),
        keyExchangeBits.orElse(null));
  }
}
