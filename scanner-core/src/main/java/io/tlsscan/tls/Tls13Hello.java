package io.tlsscan.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A TLS 1.3 ClientHello whose key shares come from real key pairs and that may offer a PSK from a
 * ticket (RFC 8446 section 4.2.11), with its binder: what {@link ClientHelloBuilder}, which sends
 * throwaway shares and no PSK, does not do.
 */
final class Tls13Hello {
  private static final int EXT_PRE_SHARED_KEY = 41;
  private static final int PSK_DHE_KE = 1;

  private Tls13Hello() {}

  /**
   * The ClientHello handshake message (type and length included).
   *
   * @param ticket the ticket to offer with its obfuscated age, or {@code null}
   */
  static byte[] message(
      byte[] random,
      byte[] sessionId,
      List<CipherSuite> suites,
      String serverName,
      Map<NamedGroup, byte[]> shares,
      Tls13Ticket ticket,
      long obfuscatedAge) {
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    if (serverName != null) {
      byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
      extension(extensions, TlsWire.EXT_SERVER_NAME, u16(concat(new byte[] {0}, u16(name))));
    }
    ByteArrayOutputStream groups = new ByteArrayOutputStream();
    ByteArrayOutputStream keyShares = new ByteArrayOutputStream();
    shares.forEach(
        (group, share) -> {
          groups.writeBytes(code(group.code()));
          keyShares.writeBytes(code(group.code()));
          keyShares.writeBytes(u16(share));
        });
    extension(extensions, TlsWire.EXT_SUPPORTED_GROUPS, u16(groups.toByteArray()));
    ByteArrayOutputStream schemes = new ByteArrayOutputStream();
    SignatureScheme.tls13Default().forEach(scheme -> schemes.writeBytes(code(scheme.code())));
    extension(extensions, TlsWire.EXT_SIGNATURE_ALGORITHMS, u16(schemes.toByteArray()));
    extension(extensions, TlsWire.EXT_SUPPORTED_VERSIONS, new byte[] {2, 3, 4});
    extension(extensions, TlsWire.EXT_PSK_KEY_EXCHANGE_MODES, new byte[] {1, PSK_DHE_KE});
    extension(extensions, TlsWire.EXT_KEY_SHARE, u16(keyShares.toByteArray()));
    int binderLength = ticket == null ? 0 : Tls13KeySchedule.of(ticket.suite()).hashLength();
    if (ticket != null) {
      byte[] identity =
          concat(
              u16(ticket.ticket()),
              new byte[] {
                (byte) (obfuscatedAge >>> 24),
                (byte) (obfuscatedAge >>> 16),
                (byte) (obfuscatedAge >>> 8),
                (byte) obfuscatedAge
              });
      byte[] binders = u16(concat(new byte[] {(byte) binderLength}, new byte[binderLength]));
      extension(extensions, EXT_PRE_SHARED_KEY, concat(u16(identity), binders));
    }
    ByteArrayOutputStream suiteCodes = new ByteArrayOutputStream();
    suites.forEach(suite -> suiteCodes.writeBytes(code(suite.code())));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {3, 3});
    body.writeBytes(random);
    body.write(sessionId.length);
    body.writeBytes(sessionId);
    body.writeBytes(u16(suiteCodes.toByteArray()));
    body.writeBytes(new byte[] {1, 0});
    body.writeBytes(u16(extensions.toByteArray()));
    byte[] message = TlsRecord.handshakeMessage(TlsWire.HANDSHAKE_CLIENT_HELLO, body.toByteArray());
    if (ticket != null) {
      // The binder covers the hello up to the binders list (section 4.2.11.2).
      int truncated = message.length - 2 - 1 - binderLength;
      Tls13KeySchedule schedule = Tls13KeySchedule.of(ticket.suite());
      byte[] early = schedule.extract(new byte[0], ticket.psk());
      byte[] binderKey = schedule.deriveSecret(early, "res binder", new byte[0]);
      byte[] binder = schedule.finished(binderKey, Arrays.copyOf(message, truncated));
      System.arraycopy(binder, 0, message, message.length - binderLength, binderLength);
    }
    return message;
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    out.writeBytes(code(type));
    out.writeBytes(u16(data));
  }

  private static byte[] code(int value) {
    return new byte[] {(byte) (value >> 8), (byte) value};
  }

  private static byte[] u16(byte[] data) {
    return concat(code(data.length), data);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    return Tls12Prf.concat(first, second);
  }
}
