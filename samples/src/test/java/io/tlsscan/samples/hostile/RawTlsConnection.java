package io.tlsscan.samples.hostile;

import io.tlsscan.samples.fleet.DemoEndpoint;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;

/**
 * A plain socket to a hostile endpoint that sends a real ClientHello (made by the JDK's TLS engine)
 * and reads the answer record by record, so tests can see exactly what a server puts on the wire.
 */
final class RawTlsConnection implements AutoCloseable {
  private static final int READ_TIMEOUT_MS = 5_000;

  private final Socket socket;
  private final DataInputStream in;
  private final byte[] clientHello;

  /** One TLS record as received. */
  record TlsRecord(int type, int version, byte[] body) {
    int length() {
      return body.length;
    }
  }

  RawTlsConnection(DemoEndpoint endpoint) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), READ_TIMEOUT_MS);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    in = new DataInputStream(socket.getInputStream());
    clientHello = clientHello(endpoint);
  }

  /** Sends the ClientHello record (the same bytes each time). */
  RawTlsConnection sendClientHello() throws IOException {
    socket.getOutputStream().write(clientHello);
    socket.getOutputStream().flush();
    return this;
  }

  /** The legacy_session_id of the ClientHello sent. */
  byte[] clientSessionId() {
    int offset = 5 + 4 + 2 + 32;
    return Arrays.copyOfRange(clientHello, offset + 1, offset + 1 + clientHello[offset]);
  }

  /** Reads one whole record; fails with an {@link IOException} on EOF or reset. */
  TlsRecord readRecord() throws IOException {
    int type = in.readUnsignedByte();
    int version = in.readUnsignedShort();
    byte[] body = new byte[in.readUnsignedShort()];
    in.readFully(body);
    return new TlsRecord(type, version, body);
  }

  /** Reads up to {@code max} bytes, stopping at EOF; a reset or timeout is thrown. */
  byte[] readUpTo(int max) throws IOException {
    return in.readNBytes(max);
  }

  void setReadTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  int read() throws IOException {
    return in.read();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static byte[] clientHello(DemoEndpoint endpoint) throws IOException {
    try {
      SSLEngine engine = SSLContext.getDefault().createSSLEngine(endpoint.host(), endpoint.port());
      engine.setUseClientMode(true);
      ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      SSLEngineResult result = engine.wrap(ByteBuffer.allocate(0), out);
      if (result.getStatus() != SSLEngineResult.Status.OK) {
        throw new IOException("the JDK engine made no ClientHello: " + result);
      }
      out.flip();
      byte[] hello = new byte[out.remaining()];
      out.get(hello);
      return hello;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has a default TLS context", e);
    }
  }
}
