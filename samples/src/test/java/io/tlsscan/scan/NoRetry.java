package io.tlsscan.scan;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Behaves like a TLS 1.3 server without HelloRetryRequest: a ClientHello whose key_share extension
 * holds no share gets a fatal handshake_failure alert; every other connection is let through.
 */
final class NoRetry implements FirstBytesRelay.Gate {
  private static final int EXTENSION_KEY_SHARE = 51;
  private static final byte[] HANDSHAKE_FAILURE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  @Override
  public byte[] admit(DataInputStream fromClient, Socket client) throws IOException {
    byte[] record = new byte[5];
    fromClient.readFully(record, 0, 5);
    int length = ((record[3] & 0xff) << 8) | (record[4] & 0xff);
    record = Arrays.copyOf(record, 5 + length);
    fromClient.readFully(record, 5, length);
    if (record[0] == 22 && offersNoKeyShare(ByteBuffer.wrap(record, 5, length).slice())) {
      client.getOutputStream().write(HANDSHAKE_FAILURE);
      return null;
    }
    return record;
  }

  /** Whether the ClientHello in {@code hello} has a key_share extension with an empty list. */
  private static boolean offersNoKeyShare(ByteBuffer hello) {
    hello.position(4 + 2 + 32); // handshake header, legacy_version, random
    skip(hello, hello.get() & 0xff); // session id
    skip(hello, hello.getShort() & 0xffff); // cipher suites
    skip(hello, hello.get() & 0xff); // compression methods
    if (!hello.hasRemaining()) {
      return false; // no extensions
    }
    int end = hello.position() + 2 + (hello.getShort() & 0xffff);
    while (hello.position() < end) {
      int type = hello.getShort() & 0xffff;
      int length = hello.getShort() & 0xffff;
      if (type == EXTENSION_KEY_SHARE) {
        return (hello.getShort() & 0xffff) == 0;
      }
      skip(hello, length);
    }
    return false;
  }

  private static void skip(ByteBuffer buffer, int bytes) {
    buffer.position(buffer.position() + bytes);
  }
}
