package io.tlsscan.scan;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Behaves like servers which cannot parse an SSLv2 CLIENT-HELLO and wait for more bytes: a
 * connection whose first byte has the high bit set (an SSLv2 record header) gets no answer and
 * stays open until the client gives up; every other connection is let through.
 */
final class SilentOnSslv2 implements FirstBytesRelay.Gate {
  @Override
  public byte[] admit(DataInputStream fromClient, Socket client) throws IOException {
    int first = fromClient.read();
    if (first < 0) {
      return null;
    }
    if ((first & 0x80) != 0) {
      // Say nothing; wait until the client closes.
      fromClient.transferTo(OutputStream.nullOutputStream());
      return null;
    }
    return new byte[] {(byte) first};
  }
}
