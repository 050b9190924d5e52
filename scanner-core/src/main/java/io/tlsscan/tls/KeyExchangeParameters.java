package io.tlsscan.tls;

import java.util.Optional;

/** What a TLS 1.2 (or older) server put in its ServerKeyExchange. */
public sealed interface KeyExchangeParameters {

  /**
   * The named curve these parameters use: empty but for a {@link NamedCurve} the registry knows.
   */
  default Optional<NamedGroup> namedGroup() {
    return Optional.empty();
  }

  /**
   * Finite-field Diffie-Hellman (DHE and DH_anon suites).
   *
   * @param primeBits the bit length of the prime p
   */
  record DiffieHellman(int primeBits) implements KeyExchangeParameters {}

  /**
   * ECDHE over a named curve.
   *
   * @param groupCode the curve's code point
   */
  record NamedCurve(int groupCode) implements KeyExchangeParameters {
    @Override
    public Optional<NamedGroup> namedGroup() {
      return NamedGroup.byCode(groupCode);
    }
  }

  /** ECDHE over a curve given by explicit parameters (deprecated by RFC 8422). */
  record ExplicitCurve() implements KeyExchangeParameters {}

  /**
   * A temporary RSA key sent with an export suite.
   *
   * @param modulusBits the bit length of its modulus
   */
  record RsaKey(int modulusBits) implements KeyExchangeParameters {}
}
