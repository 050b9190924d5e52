package io.tlsscan.tls;

import static io.tlsscan.tls.ClientHelloBuilder.DTLS_RECORD_HEADER;

/** Small edits and records of DTLS's plaintext epoch (RFC 6347 §4.1) for a raw client. */
public final class DtlsRecords {
  private static final int SEQUENCE_OFFSET = 5;
  private static final int SEQUENCE_BYTES = 6;

  private DtlsRecords() {}

  /**
   * A copy of one record with its 48-bit sequence number set: a retransmitted hello is the same
   * message in a new record (RFC 6347 §4.2.4), which servers that drop replayed records need.
   */
  public static byte[] withSequence(byte[] record, long sequence) {
    byte[] copy = record.clone();
    for (int i = 0; i < SEQUENCE_BYTES; i++) {
      copy[SEQUENCE_OFFSET + SEQUENCE_BYTES - 1 - i] = (byte) (sequence >>> (8 * i));
    }
    return copy;
  }

  /**
   * A fatal alert in epoch 0 with this record sequence number, which ends the server's side of an
   * abandoned handshake at once instead of after its retransmission timers.
   */
  public static byte[] fatalAlert(AlertDescription description, long sequence) {
    byte[] record = new byte[DTLS_RECORD_HEADER + 2];
    record[0] = (byte) TlsWire.CONTENT_ALERT;
    record[1] = (byte) (DtlsVersion.DTLSv1_0.wireCode() >>> 8);
    record[2] = (byte) DtlsVersion.DTLSv1_0.wireCode();
    record[12] = 2;
    record[13] = 2; // fatal
    record[14] = (byte) description.code();
    return withSequence(record, sequence);
  }
}
