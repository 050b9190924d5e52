package io.tlsscan.net;

import java.net.ConnectException;

/**
 * Nothing listens on the UDP port: the host answered a datagram with ICMP port unreachable, which a
 * connected datagram socket reports on its next read. UDP's "connection refused".
 */
public final class DatagramRefusedException extends ConnectException {
  private static final long serialVersionUID = 1L;

  public DatagramRefusedException(String message) {
    super(message);
  }
}
