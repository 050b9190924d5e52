package io.tlsscan.probe.raw;

import static java.util.Objects.requireNonNull;

import io.tlsscan.tls.ServerResponse;
import io.tlsscan.tls.TlsRecord;
import java.util.List;

/**
 * A raw hello, the server's answer, then what the server sent back to each of the records the probe
 * wrote after that answer.
 *
 * @param answer the server's answer to the hello (with its flight up to ServerHelloDone)
 * @param replies one reply per follow-up written, in order; fewer than the follow-ups when the
 *     answer was no ServerHello or the connection ended first
 */
public record Conversation(ServerResponse answer, List<Reply> replies) {
  public Conversation {
    requireNonNull(answer, "answer");
    replies = List.copyOf(replies);
  }

  /** How a reply ended. */
  public enum End {
    /** Nothing more came within the listening time; the connection stayed open. */
    QUIET,
    /** The server closed or reset the connection. */
    CLOSED,
    /** The server sent something that is not TLS records, or more than the byte limit. */
    MALFORMED
  }

  /**
   * What came back to one follow-up.
   *
   * @param records the records, in order
   * @param end how the listening ended
   */
  public record Reply(List<TlsRecord> records, End end) {
    public Reply {
      records = List.copyOf(records);
      requireNonNull(end, "end");
    }

    /** Bytes of payload in records of {@code type}. */
    public int payloadBytes(int type) {
      return records.stream().filter(r -> r.type() == type).mapToInt(TlsRecord::length).sum();
    }

    /** The description of the first plaintext alert, or -1 when none came. */
    public int firstAlert() {
      return records.stream()
          .mapToInt(TlsRecord::alertDescription)
          .filter(d -> d >= 0)
          .findFirst()
          .orElse(-1);
    }
  }
}
