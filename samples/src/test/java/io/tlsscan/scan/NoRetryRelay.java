package io.tlsscan.scan;

import io.tlsscan.testing.LoopbackSocketServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A loopback TCP relay in front of a real TLS 1.3 server that behaves like a server without
 * HelloRetryRequest: a ClientHello whose key_share extension holds no share gets a fatal
 * handshake_failure alert and the connection is closed; every other connection is relayed to the
 * server byte for byte.
 */
final class NoRetryRelay implements AutoCloseable {
  private static final int EXTENSION_KEY_SHARE = 51;
  private static final byte[] HANDSHAKE_FAILURE = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  private final InetSocketAddress backend;
  private final LoopbackSocketServer server;

  private NoRetryRelay(String host, InetSocketAddress backend) throws IOException {
    this.backend = backend;
    this.server = LoopbackSocketServer.start(host, "no-retry", this::serve);
  }

  /** Listens on {@code host}, a free port, and relays to {@code backend}. */
  static NoRetryRelay start(String host, InetSocketAddress backend) {
    try {
      return new NoRetryRelay(host, backend);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  InetSocketAddress address() {
    return server.address();
  }

  private void serve(Socket client, int ordinal) throws IOException {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] header = new byte[5];
      in.readFully(header);
      byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
      in.readFully(body);
      if (header[0] == 22 && offersNoKeyShare(ByteBuffer.wrap(body))) {
        client.getOutputStream().write(HANDSHAKE_FAILURE);
        return;
      }
      try (Socket to = server.track(new Socket(backend.getAddress(), backend.getPort()))) {
        to.getOutputStream().write(header);
        to.getOutputStream().write(body);
        LoopbackSocketServer.daemon("no-retry-upstream", () -> LoopbackSocketServer.pump(in, to));
        LoopbackSocketServer.pump(to.getInputStream(), client);
      }
    }
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

  @Override
  public void close() {
    server.close();
  }
}
