package io.tlsscan.scan;

import io.tlsscan.net.Endpoint;
import io.tlsscan.probe.handshake.HandshakeResult;

/**
 * A target after its full handshake: the endpoint it was reached at and how the handshake went.
 *
 * @param endpoint the server's address, name and STARTTLS protocol
 * @param handshake the handshake's result
 */
record Connected(Endpoint endpoint, HandshakeResult handshake) {

  /**
   * Whether the server speaks TLS at all, so raw probes are worth sending: the handshake completed,
   * or the server answered our hello with an alert, a reset or something BoringSSL refused.
   */
  boolean speaksTls() {
    if (handshake instanceof HandshakeResult.Failed failed) {
      return failed.phase().equals("handshake")
          && switch (failed.failure().kind()) {
            case TLS_ALERT, HANDSHAKE_FAILED, RESET -> true;
            default -> false;
          };
    }
    return true;
  }
}
