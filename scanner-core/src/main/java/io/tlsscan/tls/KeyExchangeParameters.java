package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What a TLS 1.2 (or older) server put in its ServerKeyExchange. */
public sealed interface KeyExchangeParameters {

  /**
   * The named group these parameters use: a {@link NamedCurve} the registry knows, or the RFC 7919
   * group of {@link DiffieHellman} parameters; empty otherwise.
   */
  default Optional<NamedGroup> namedGroup() {
    return Optional.empty();
  }

  /**
   * Finite-field Diffie-Hellman (DHE and DH_anon suites).
   *
   * @param primeBits the bit length of the prime p
   * @param group the RFC 7919 group (ffdhe2048 ...) whose prime and generator these are, if any
   */
  record DiffieHellman(int primeBits, Optional<NamedGroup> group) implements KeyExchangeParameters {
    public DiffieHellman {
      requireNonNull(group, "group");
    }

    @Override
    public Optional<NamedGroup> namedGroup() {
      return group;
    }
  }

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
