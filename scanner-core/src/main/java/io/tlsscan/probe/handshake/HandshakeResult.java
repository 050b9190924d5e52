package io.tlsscan.probe.handshake;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Handshake;
import io.tlsscan.net.Failure;
import java.util.List;

/**
 * What a full TLS handshake with the target gave. Either way the certificate chain is kept when the
 * server sent one, so a server that demands a client certificate still has its own reported.
 */
public sealed interface HandshakeResult {

  /** The DER certificates the server sent, in order; empty when none arrived. */
  List<byte[]> chain();

  /**
   * The handshake completed.
   *
   * @param ocspResponse the DER OCSP response the server stapled; empty when none
   * @param serverHello the server's ServerHello message (after any HelloRetryRequest), handshake
   *     header included, as sent; empty when the record that starts with it does not hold all of it
   */
  record Completed(Handshake handshake, List<byte[]> chain, byte[] ocspResponse, byte[] serverHello)
      implements HandshakeResult {
    public Completed {
      requireNonNull(handshake, "handshake");
      chain = List.copyOf(chain);
      requireNonNull(ocspResponse, "ocspResponse");
      requireNonNull(serverHello, "serverHello");
    }
  }

  /**
   * The handshake did not complete.
   *
   * @param phase {@code connect} or {@code handshake}
   */
  record Failed(
      Failure failure, String phase, List<byte[]> chain, boolean clientCertificateRequested)
      implements HandshakeResult {
    public Failed {
      requireNonNull(failure, "failure");
      requireNonNull(phase, "phase");
      chain = List.copyOf(chain);
    }
  }
}
