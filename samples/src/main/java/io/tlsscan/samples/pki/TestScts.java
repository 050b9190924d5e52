package io.tlsscan.samples.pki;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;

/**
 * Made-up Signed Certificate Timestamp lists (RFC 6962 section 3.3) for test certificates and OCSP
 * responses: the structure is real, the signatures are not (no log signed them).
 */
public final class TestScts {
  /** The certificate extension holding an SCT list. */
  public static final ASN1ObjectIdentifier CERTIFICATE_EXTENSION =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

  /** The OCSP single-response extension holding an SCT list. */
  public static final ASN1ObjectIdentifier OCSP_EXTENSION =
      new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.5");

  /**
   * One SCT.
   *
   * @param logId the 32-byte log id
   * @param timestamp when the log saw the certificate (millisecond precision)
   */
  public record Sct(byte[] logId, Instant timestamp) {
    public Sct {
      if (logId.length != 32) {
        throw new IllegalArgumentException("a log id has 32 bytes, not " + logId.length);
      }
    }
  }

  private TestScts() {}

  /** A log id of 32 bytes all equal to {@code fill}. */
  public static byte[] logId(int fill) {
    byte[] id = new byte[32];
    Arrays.fill(id, (byte) fill);
    return id;
  }

  /** The list as an extension's content: an OCTET STRING around the TLS encoding. */
  public static DEROctetString extension(List<Sct> scts) {
    return new DEROctetString(encode(scts));
  }

  /** The TLS encoding of the list: v1 SCTs, no extensions, a dummy ECDSA-SHA256 signature. */
  public static byte[] encode(List<Sct> scts) {
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    for (Sct sct : scts) {
      ByteBuffer entry = ByteBuffer.allocate(1 + 32 + 8 + 2 + 2 + 2 + 4);
      entry.put((byte) 0).put(sct.logId()).putLong(sct.timestamp().toEpochMilli());
      entry.putShort((short) 0); // no extensions
      entry.put((byte) 4).put((byte) 3); // sha256, ecdsa
      entry.putShort((short) 4).putInt(0x30020100); // a signature no log made
      byte[] bytes = entry.array();
      entries.write(bytes.length >> 8);
      entries.write(bytes.length);
      entries.writeBytes(bytes);
    }
    byte[] body = entries.toByteArray();
    ByteBuffer list = ByteBuffer.allocate(2 + body.length);
    list.putShort((short) body.length).put(body);
    return list.array();
  }
}
