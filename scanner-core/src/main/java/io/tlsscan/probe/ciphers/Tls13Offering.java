package io.tlsscan.probe.ciphers;

import static java.util.Objects.requireNonNull;

import io.tlsscan.probe.raw.Hellos;
import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHello;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.NamedGroup;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * How the next hello of an elimination asks. A TLS 1.3 hello with a key share the server takes
 * costs it a whole handshake (key exchange, signature, encryption) for an answer that only needs
 * the suite. So once a TLS 1.3 answer has named the key-exchange group, the next hellos offer that
 * group alone and no key share: the server answers with a HelloRetryRequest naming the suite it
 * chose, and the suite's group stays the one the full hello showed. Until the server has answered
 * such a hello with a HelloRetryRequest, its refusal (or silence) does not end the elimination: the
 * same suites are offered again in a full hello, and a server that takes that one is asked in full
 * hellos from then on (RFC 8446 §4.1.1 asks for the HelloRetryRequest, but a refusal must not hide
 * a suite). Below TLS 1.3 every hello is a full one.
 *
 * @param retryGroup the group the hellos ask for without a key share; empty for full hellos
 * @param retryAnswered whether the server has answered a hello with a HelloRetryRequest (one
 *     without key share, or one whose share it would not take)
 * @param fullOnly whether the server refused a hello without key share that a full hello then got
 *     an answer to
 */
record Tls13Offering(Optional<NamedGroup> retryGroup, boolean retryAnswered, boolean fullOnly) {
  /** Full hellos, until an answer names a group. */
  static final Tls13Offering FULL = new Tls13Offering(Optional.empty(), false, false);

  /** The group of a full hello's key share. */
  static final NamedGroup FULL_HELLO_SHARE =
      ClientHelloBuilder.defaultGroups(ProtocolVersion.TLSv1_3).get(0);

  Tls13Offering {
    requireNonNull(retryGroup, "retryGroup");
  }

  /** The hello offering {@code suites} for {@code version}. */
  ClientHello hello(ProtocolVersion version, List<CipherSuite> suites, String serverName) {
    return retryGroup
        .map(group -> Hellos.offeringGroups(version, suites, List.of(group), serverName))
        .orElseGet(() -> Hellos.offering(version, suites, serverName));
  }

  /** Whether a refusal of this offering's hello must be checked with a full hello. */
  boolean refusalUnproven() {
    return retryGroup.isPresent() && !retryAnswered;
  }

  /**
   * The offering to use after the fallback a {@linkplain #refusalUnproven() doubtful refusal} took.
   */
  static Tls13Offering fullFromNowOn() {
    return new Tls13Offering(Optional.empty(), false, true);
  }

  /** The offering for the next hello, after the server picked a suite with {@code answer}. */
  Tls13Offering after(ProtocolVersion version, AcceptedSuite picked, ServerResponse answer) {
    if (version != ProtocolVersion.TLSv1_3 || fullOnly) {
      return this;
    }
    if (retryGroup.isPresent()) {
      return answer instanceof ServerResponse.HelloRetryRequest
          ? new Tls13Offering(retryGroup, true, false)
          : this;
    }
    return picked.group().isPresent()
        ? new Tls13Offering(
            picked.group(), answer instanceof ServerResponse.HelloRetryRequest, false)
        : this;
  }
}
