package io.tlsscan.probe.vulns;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.testing.LoopbackSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TLS server double on a loopback address that answers raw hellos the way old, flawed stacks did,
 * up to ServerHelloDone and no further (no certificate, no key exchange: nothing past the flight is
 * ever completed). It accepts TLS 1.0 to {@code maxVersion} (SSLv3 alone when that is {@code
 * maxVersion}, its ServerHello then without extensions, as the client's had none) with the suites
 * it is given, picks the client's first suite it has, and then, by its {@link Flaws}:
 *
 * <ul>
 *   <li>{@code heartbleed}: negotiates the heartbeat extension and answers a heartbeat request with
 *       as many bytes as the request claims (OpenSSL 1.0.1 to 1.0.1f, CVE-2014-0160), the "memory"
 *       being filler bytes;
 *   <li>{@code earlyCcs}: stays silent on a ChangeCipherSpec before the key exchange and answers
 *       the next record with bad_record_mac, having switched to keys it cannot share with the
 *       client (OpenSSL before 1.0.1h, CVE-2014-0224); otherwise it answers unexpected_message and
 *       closes;
 *   <li>{@code deflate}: picks DEFLATE when the client offers it;
 *   <li>{@code noRenegotiationInfo}: leaves renegotiation_info out of the ServerHello (no RFC
 *       5746);
 *   <li>{@code ignoresFallbackScsv}: goes on with a lower version even with TLS_FALLBACK_SCSV,
 *       which it otherwise refuses with inappropriate_fallback;
 *   <li>{@code paddingOracle}: with an RSA key, answers the Finished after an RSA ClientKeyExchange
 *       with bad_record_mac when the decrypted secret starts 0x00 0x02 and handshake_failure
 *       otherwise (the Bleichenbacher oracle of ROBOT); without the flaw, always bad_record_mac.
 * </ul>
 *
 * <p>Given an RSA key, it sends its certificate after the ServerHello.
 *
 * <p>One thread per connection; {@link #close()} stops them all. It counts the connections.
 */
final class LegacyTlsServer implements AutoCloseable {
  /** What the double gets wrong. */
  record Flaws(
      boolean heartbleed,
      boolean earlyCcs,
      boolean deflate,
      boolean noRenegotiationInfo,
      boolean ignoresFallbackScsv,
      boolean paddingOracle) {
    static final Flaws NONE = new Flaws(false, false, false, false, false, false);
  }

  private static final int HANDSHAKE = 22;
  private static final int ALERT = 21;
  private static final int CCS = 20;
  private static final int HEARTBEAT = 24;
  private static final int SSL3 = 0x0300;
  private static final int TLS10 = 0x0301;
  private static final int FALLBACK_SCSV = 0x5600;

  private final LoopbackSocketServer server;
  private final int maxVersion;
  private final List<Integer> suites;
  private final Flaws flaws;
  private final TestPki.Issued rsa;

  LegacyTlsServer(String loopback, int maxVersion, List<Integer> suites, Flaws flaws)
      throws IOException {
    this(loopback, maxVersion, suites, flaws, null);
  }

  LegacyTlsServer(
      String loopback, int maxVersion, List<Integer> suites, Flaws flaws, TestPki.Issued rsa)
      throws IOException {
    this.rsa = rsa;
    this.maxVersion = maxVersion;
    this.suites = List.copyOf(suites);
    this.flaws = flaws;
    this.server = LoopbackSocketServer.start(loopback, "legacy-tls", this::serve);
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

  private void serve(Socket client, int ordinal) {
    try (client) {
      client.setSoTimeout(20_000);
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      int first = in.readUnsignedByte();
      if (first != HANDSHAKE) {
        return; // SSLv2 and anything else: hang up
      }
      byte[] hello = readFragment(in);
      int version = answerHello(ByteBuffer.wrap(hello), out);
      converse(in, out, version);
    } catch (EOFException | SocketException e) {
      // the client went away
    } catch (IOException e) {
      // nothing to tell anyone: the client sees the close
    }
  }

  private static byte[] readFragment(DataInputStream in) throws IOException {
    in.readUnsignedShort();
    byte[] fragment = new byte[in.readUnsignedShort()];
    in.readFully(fragment);
    return fragment;
  }

  /** Answers the hello with a ServerHello and ServerHelloDone; returns the version chosen. */
  private int answerHello(ByteBuffer hello, OutputStream out) throws IOException {
    hello.position(4);
    int clientVersion = hello.getShort() & 0xffff;
    hello.position(hello.position() + 32);
    int sessionIdLength = hello.get() & 0xff;
    hello.position(hello.position() + sessionIdLength);
    int suiteBytes = hello.getShort() & 0xffff;
    List<Integer> offered = new ArrayList<>();
    for (int i = 0; i < suiteBytes / 2; i++) {
      offered.add(hello.getShort() & 0xffff);
    }
    int compressions = hello.get() & 0xff;
    boolean deflateOffered = false;
    for (int i = 0; i < compressions; i++) {
      deflateOffered |= hello.get() == 1;
    }
    int version = Math.min(clientVersion, maxVersion);
    if (version < Math.min(TLS10, maxVersion)) {
      sendAlert(out, TLS10, 70); // protocol_version
      throw new EOFException();
    }
    if (version < maxVersion && offered.contains(FALLBACK_SCSV) && !flaws.ignoresFallbackScsv()) {
      sendAlert(out, version, 86); // inappropriate_fallback
      throw new EOFException();
    }
    Integer suite = offered.stream().filter(suites::contains).findFirst().orElse(null);
    if (suite == null) {
      sendAlert(out, version, 40); // handshake_failure
      throw new EOFException();
    }
    ByteBuffer body = ByteBuffer.allocate(128);
    body.putShort((short) version).put(new byte[32]).put((byte) 0).putShort(suite.shortValue());
    body.put((byte) (flaws.deflate() && deflateOffered ? 1 : 0));
    ByteBuffer extensions = ByteBuffer.allocate(32);
    if (!flaws.noRenegotiationInfo()) {
      extensions.putShort((short) 0xff01).putShort((short) 1).put((byte) 0);
    }
    if (flaws.heartbleed()) {
      extensions.putShort((short) 15).putShort((short) 1).put((byte) 1);
    }
    if (version > SSL3) {
      body.putShort((short) extensions.position())
          .put(extensions.array(), 0, extensions.position());
    }
    ByteArrayOutputStream flight = new ByteArrayOutputStream();
    flight.writeBytes(handshake(2, Arrays.copyOf(body.array(), body.position())));
    if (rsa != null) {
      byte[] der;
      try {
        der = rsa.certificate().getEncoded();
      } catch (CertificateEncodingException e) {
        throw new IOException(e);
      }
      ByteBuffer certificates = ByteBuffer.allocate(6 + der.length);
      certificates.put((byte) 0).putShort((short) (3 + der.length));
      certificates.put((byte) 0).putShort((short) der.length).put(der);
      flight.writeBytes(handshake(11, certificates.array()));
    }
    flight.writeBytes(handshake(14, new byte[0]));
    send(out, HANDSHAKE, version, flight.toByteArray());
    return version;
  }

  private void converse(DataInputStream in, OutputStream out, int negotiated) throws IOException {
    boolean keysSwitched = false;
    Boolean validPadding = null;
    while (true) {
      int type = in.readUnsignedByte();
      byte[] fragment = readFragment(in);
      if (type == HANDSHAKE && validPadding == null && fragment.length > 6 && fragment[0] == 16) {
        validPadding = startsLikePkcs1(Arrays.copyOfRange(fragment, 6, fragment.length));
        continue;
      }
      if (validPadding != null && type == CCS) {
        continue;
      }
      if (validPadding != null) {
        boolean oracle = flaws.paddingOracle() && !validPadding;
        sendAlert(out, negotiated, oracle ? 40 : 20); // handshake_failure / bad_record_mac
        return;
      }
      if (keysSwitched) {
        sendAlert(out, negotiated, 20); // bad_record_mac: it decrypts with keys nobody shares
        return;
      }
      if (type == HEARTBEAT && flaws.heartbleed() && fragment.length >= 3 && fragment[0] == 1) {
        int claimed = ((fragment[1] & 0xff) << 8) | (fragment[2] & 0xff);
        byte[] response = new byte[3 + claimed + 16];
        response[0] = 2;
        response[1] = fragment[1];
        response[2] = fragment[2];
        Arrays.fill(response, 3, response.length, (byte) 'M');
        send(out, HEARTBEAT, negotiated, response);
      } else if (type == CCS) {
        if (!flaws.earlyCcs()) {
          sendAlert(out, negotiated, 10); // unexpected_message
          return;
        }
        keysSwitched = true;
      }
    }
  }

  private boolean startsLikePkcs1(byte[] encrypted) {
    RSAPrivateKey key = (RSAPrivateKey) rsa.key();
    int length = (key.getModulus().bitLength() + 7) / 8;
    byte[] block =
        new BigInteger(1, encrypted)
            .modPow(key.getPrivateExponent(), key.getModulus())
            .toByteArray();
    // BigInteger drops leading zero bytes: a block starting 0x00 0x02 comes back one byte short
    return block.length == length - 1 && block[0] == 2;
  }

  private static byte[] handshake(int type, byte[] body) {
    ByteBuffer message = ByteBuffer.allocate(4 + body.length);
    message.put((byte) type).put((byte) 0).putShort((short) body.length).put(body);
    return message.array();
  }

  private static void sendAlert(OutputStream out, int version, int description) throws IOException {
    send(out, ALERT, version, new byte[] {2, (byte) description});
  }

  private static void send(OutputStream out, int type, int version, byte[] payload)
      throws IOException {
    ByteBuffer record = ByteBuffer.allocate(5 + payload.length);
    record.put((byte) type).putShort((short) version).putShort((short) payload.length).put(payload);
    out.write(record.array());
    out.flush();
  }
}
