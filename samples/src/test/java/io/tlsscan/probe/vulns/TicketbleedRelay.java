package io.tlsscan.probe.vulns;

import io.tlsscan.testing.LoopbackSocketServer;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A TCP relay on a loopback address in front of a real TLS server with session tickets ({@code
 * openssl s_server}), making the pair answer as F5 BIG-IP did before its fix for CVE-2016-9244
 * (Ticketbleed): when a client resumes from a session ticket with a session id shorter than 32
 * bytes, the ServerHello echoes a 32-byte session id, the client's bytes followed by whatever lay
 * next to them in memory (here filler bytes). Everything else passes through unchanged, the full
 * handshake that issues the ticket included, so the tickets are the real server's. It counts the
 * connections; {@link #close()} ends them all.
 */
final class TicketbleedRelay implements AutoCloseable {
  private static final int HANDSHAKE = 22;
  private static final int CLIENT_HELLO = 1;
  private static final int SERVER_HELLO = 2;
  private static final int SESSION_TICKET = 35;
  private static final int ECHOED_ID = 32;
  private static final byte MEMORY = (byte) 0xA5;

  private final InetSocketAddress backend;
  private final LoopbackSocketServer server;

  TicketbleedRelay(String loopback, InetSocketAddress backend) throws IOException {
    this.backend = backend;
    this.server = LoopbackSocketServer.start(loopback, "ticketbleed-relay", this::relay);
  }

  InetSocketAddress address() {
    return server.address();
  }

  int connections() {
    return server.connections();
  }

  @Override
  public void close() {
    server.close();
  }

  /** The client's hello goes first; the server's first record comes back, rewritten if need be. */
  private void relay(Socket client, int ordinal) throws IOException {
    try (client;
        Socket to = server.track(new Socket(backend.getAddress(), backend.getPort()))) {
      DataInputStream fromClient = new DataInputStream(client.getInputStream());
      DataInputStream fromServer = new DataInputStream(to.getInputStream());
      byte[] hello = readRecord(fromClient);
      to.getOutputStream().write(hello);
      LoopbackSocketServer.daemon(
          "ticketbleed-relay-upstream", () -> LoopbackSocketServer.pump(fromClient, to));
      byte[] answer = readRecord(fromServer);
      byte[] resumingId = resumingSessionId(hello);
      client.getOutputStream().write(resumingId == null ? answer : leaky(answer, resumingId));
      fromServer.transferTo(client.getOutputStream());
    }
  }

  private static byte[] readRecord(DataInputStream in) throws IOException {
    byte[] header = new byte[5];
    in.readFully(header);
    int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
    byte[] record = Arrays.copyOf(header, 5 + length);
    in.readFully(record, 5, length);
    return record;
  }

  /**
   * The session id of a ClientHello record that offers a session ticket with an id of 1 to 31
   * bytes, else {@code null}.
   */
  private static byte[] resumingSessionId(byte[] record) {
    ByteBuffer hello = ByteBuffer.wrap(record);
    if (hello.get(0) != HANDSHAKE || hello.get(5) != CLIENT_HELLO) {
      return null;
    }
    hello.position(5 + 4 + 2 + 32);
    byte[] id = new byte[hello.get() & 0xff];
    hello.get(id);
    int suites = hello.getShort() & 0xffff;
    hello.position(hello.position() + suites);
    int compressions = hello.get() & 0xff;
    hello.position(hello.position() + compressions);
    if (!hello.hasRemaining()) {
      return null; // no extensions
    }
    int extensions = hello.getShort() & 0xffff;
    int end = hello.position() + extensions;
    boolean ticket = false;
    while (hello.position() < end) {
      int type = hello.getShort() & 0xffff;
      int length = hello.getShort() & 0xffff;
      ticket |= type == SESSION_TICKET && length > 0;
      hello.position(hello.position() + length);
    }
    return ticket && id.length > 0 && id.length < ECHOED_ID ? id : null;
  }

  /**
   * The server's first record with its ServerHello's session id, when it is the client's (the
   * server resumes), replaced by 32 bytes: the client's, then "memory".
   */
  private static byte[] leaky(byte[] record, byte[] clientId) {
    ByteBuffer in = ByteBuffer.wrap(record);
    if (in.get(0) != HANDSHAKE || in.get(5) != SERVER_HELLO) {
      return record;
    }
    int idAt = 5 + 4 + 2 + 32;
    int idLength = in.get(idAt) & 0xff;
    if (!Arrays.equals(record, idAt + 1, idAt + 1 + idLength, clientId, 0, clientId.length)) {
      return record;
    }
    int grow = ECHOED_ID - idLength;
    byte[] echoed = Arrays.copyOf(clientId, ECHOED_ID);
    Arrays.fill(echoed, clientId.length, ECHOED_ID, MEMORY);
    ByteBuffer out = ByteBuffer.allocate(record.length + grow);
    out.put(record, 0, idAt);
    out.put((byte) ECHOED_ID).put(echoed);
    out.put(record, idAt + 1 + idLength, record.length - idAt - 1 - idLength);
    out.putShort(3, (short) (record.length - 5 + grow));
    int messageLength = ((record[6] & 0xff) << 16) | ((record[7] & 0xff) << 8) | (record[8] & 0xff);
    int grown = messageLength + grow;
    out.put(6, (byte) (grown >> 16)).put(7, (byte) (grown >> 8)).put(8, (byte) grown);
    return out.array();
  }
}
