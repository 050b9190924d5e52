package io.tlsscan.probe.protocols;

import static java.util.Objects.requireNonNull;

import io.tlsscan.tls.ServerResponse;

/** What the server said to hellos of one protocol version. */
public sealed interface VersionAnswer {

  /**
   * The server accepted the version.
   *
   * @param response its ServerHello (with the rest of its flight below TLS 1.3), HelloRetryRequest
   *     or SSLv2 SERVER-HELLO
   * @param chunk which of the version's suite offers ({@code SuiteOffers.chunks}) it accepted; the
   *     ones before it were refused
   * @param withoutKeyShare whether it answered the TLS 1.3 hello without key share that offers
   *     every TLS 1.3 group ({@code Hellos.retrying}), not a hello with an x25519 key share
   */
  record Accepted(ServerResponse response, int chunk, boolean withoutKeyShare)
      implements VersionAnswer {
    public Accepted {
      requireNonNull(response, "response");
    }
  }

  /** The server refused the version (alert, close, reset, or a ServerHello for another version). */
  record Refused() implements VersionAnswer {}

  /**
   * The answer made no sense (malformed or truncated), so it cannot be told.
   *
   * @param reason what was wrong
   */
  record Unknown(String reason) implements VersionAnswer {
    public Unknown {
      requireNonNull(reason, "reason");
    }
  }
}
