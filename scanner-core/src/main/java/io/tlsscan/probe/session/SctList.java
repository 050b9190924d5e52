package io.tlsscan.probe.session;

import io.tlsscan.model.SignedTimestamp;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;

/**
 * Reads a SignedCertificateTimestampList (RFC 6962 section 3.3): a 2-byte-length list of
 * 2-byte-length serialized SCTs, each {@code version(1) log_id(32) timestamp(8) extensions<2>
 * signature}. Only the fields the report shows are read; an SCT too short for them, or a length
 * that runs past its container, ends the list there.
 */
final class SctList {
  /** An SCT's version, log id and timestamp: 1 + 32 + 8 bytes. */
  private static final int FIXED_PART = 41;

  /** At most this many SCTs are reported per source; real certificates carry two to five. */
  static final int MAX_SCTS = 32;

  private SctList() {}

  /**
   * The SCTs of an X.509 or OCSP extension's value, which wraps the list in an OCTET STRING (RFC
   * 6962 section 3.3); empty when it is not one.
   */
  static List<SignedTimestamp> fromExtension(byte[] octetString, String source) {
    try {
      return read(ASN1OctetString.getInstance(octetString).getOctets(), source);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  /** The SCTs of a TLS-encoded list, as many as are whole. */
  static List<SignedTimestamp> read(byte[] list, String source) {
    ByteBuffer in = ByteBuffer.wrap(list);
    if (in.remaining() < 2) {
      return List.of();
    }
    int total = Math.min(in.getShort() & 0xFFFF, in.remaining());
    ByteBuffer entries = in.slice().limit(total);
    List<SignedTimestamp> found = new ArrayList<>();
    while (entries.remaining() >= 2 && found.size() < MAX_SCTS) {
      int length = entries.getShort() & 0xFFFF;
      if (length > entries.remaining() || length < FIXED_PART) {
        break;
      }
      ByteBuffer sct = entries.slice().limit(length);
      entries.position(entries.position() + length);
      int version = sct.get() & 0xFF;
      byte[] logId = new byte[32];
      sct.get(logId);
      long millis = sct.getLong();
      found.add(
          new SignedTimestamp(
              source,
              version,
              Base64.getEncoder().encodeToString(logId),
              Instant.ofEpochMilli(millis)));
    }
    return List.copyOf(found);
  }
}
