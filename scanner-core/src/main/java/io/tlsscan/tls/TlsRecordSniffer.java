package io.tlsscan.tls;

import static io.tlsscan.tls.TlsWire.SSL2_MT_ERROR;
import static io.tlsscan.tls.TlsWire.SSL2_MT_SERVER_HELLO;
import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Tells from the first bytes a server sent whether they can be the start of TLS (or SSL), and if
 * not, describes what they look like for an error message ("the server answered with HTTP").
 *
 * <p>Accepted as TLS: a record header whose content type is 20..24 (change_cipher_spec, alert,
 * handshake, application_data, heartbeat) and whose version major byte is 3 (RFC 8446 §5.1), or an
 * SSLv2 record with a two-byte header carrying SERVER-HELLO or ERROR (SSLv2 draft, §2.1).
 *
 * <p>The buffer is only peeked at: its reader index never moves. With fewer than {@link
 * #minimumBytes()} bytes {@link #sniff} may answer {@link Verdict.NeedMoreBytes} (also for bytes
 * that are already known not to be TLS, so that the description can name the banner); when the peer
 * closes before that, {@link #nonTlsDescription} judges whatever arrived.
 *
 * <pre>{@code
 * if (TlsRecordSniffer.sniff(in) instanceof TlsRecordSniffer.Verdict.NotTls notTls) {
 *   fail("the server answered with " + notTls.description());
 * }
 * }</pre>
 */
public final class TlsRecordSniffer {
  /** Enough for the longest signature ("HTTP/") and the SSLv2 SERVER-HELLO fields checked. */
  private static final int MINIMUM_BYTES = 5;

  private static final int TEXT_PREVIEW_CHARS = 40;
  private static final int HEX_PREVIEW_BYTES = 16;

  private static final int SSL2_CT_X509_CERTIFICATE = 1;

  private static final Signature[] SIGNATURES = {
    new Signature("HTTP/", "HTTP"),
    new Signature("SSH-", "an SSH banner"),
    new Signature("220 ", "an SMTP/FTP banner"),
    new Signature("220-", "an SMTP/FTP banner"),
    new Signature("+OK", "a POP3 banner"),
    new Signature("* OK", "an IMAP banner"),
  };

  private TlsRecordSniffer() {}

  /** What the first bytes of a server's answer are. */
  public sealed interface Verdict {
    /** The bytes can be the start of a TLS or SSLv2 record. */
    record MaybeTls() implements Verdict {}

    /** Too few bytes to tell yet; read more (at most {@link #minimumBytes()} in total). */
    record NeedMoreBytes() implements Verdict {}

    /**
     * The bytes cannot be TLS.
     *
     * @param description what they look like, e.g. {@code HTTP}, {@code an SSH banner}, {@code text
     *     "hello"}, {@code bytes 00 01 ff}
     */
    record NotTls(String description) implements Verdict {
      public NotTls {
        requireNonNull(description, "description");
      }
    }
  }

  /** The number of bytes after which {@link #sniff} never answers {@link Verdict.NeedMoreBytes}. */
  public static int minimumBytes() {
    return MINIMUM_BYTES;
  }

  /** Judges the readable bytes of {@code in} without consuming them. */
  public static Verdict sniff(ByteBuf in) {
    requireNonNull(in, "in");
    int readable = in.readableBytes();
    if (readable == 0) {
      return new Verdict.NeedMoreBytes();
    }
    Shape shape = shapeOf(in);
    if (shape == Shape.TLS) {
      return new Verdict.MaybeTls();
    }
    if (readable < MINIMUM_BYTES) {
      return new Verdict.NeedMoreBytes();
    }
    return shape == Shape.NOT_TLS ? new Verdict.NotTls(describe(in)) : new Verdict.MaybeTls();
  }

  /**
   * Describes the readable bytes of {@code in} when they cannot be the start of TLS, judging on
   * whatever is there (a prefix that is still consistent with TLS counts as TLS).
   *
   * @return the description, or empty when the bytes can be (the start of) TLS
   */
  public static Optional<String> nonTlsDescription(ByteBuf in) {
    requireNonNull(in, "in");
    if (in.readableBytes() == 0 || shapeOf(in) != Shape.NOT_TLS) {
      return Optional.empty();
    }
    return Optional.of(describe(in));
  }

  private enum Shape {
    TLS,
    NOT_TLS,
    UNDECIDED
  }

  private static Shape shapeOf(ByteBuf in) {
    int start = in.readerIndex();
    int readable = in.readableBytes();
    int first = in.getUnsignedByte(start);
    if (first >= 20 && first <= 24) {
      if (readable < 2) {
        return Shape.UNDECIDED;
      }
      return in.getUnsignedByte(start + 1) == 3 ? Shape.TLS : Shape.NOT_TLS;
    }
    if ((first & 0x80) != 0) {
      return sslv2Shape(in, start, readable);
    }
    return Shape.NOT_TLS;
  }

  /** SSLv2 two-byte header, then SERVER-HELLO (type, session-id-hit, certificate type) or ERROR. */
  private static Shape sslv2Shape(ByteBuf in, int start, int readable) {
    if (readable < 3) {
      return Shape.UNDECIDED;
    }
    int type = in.getUnsignedByte(start + 2);
    if (type == SSL2_MT_ERROR) {
      int length = ((in.getUnsignedByte(start) & 0x7f) << 8) | in.getUnsignedByte(start + 1);
      return length == 3 ? Shape.TLS : Shape.NOT_TLS;
    }
    if (type != SSL2_MT_SERVER_HELLO) {
      return Shape.NOT_TLS;
    }
    if (readable >= 4 && in.getUnsignedByte(start + 3) > 1) {
      return Shape.NOT_TLS;
    }
    if (readable >= 5 && in.getUnsignedByte(start + 4) != SSL2_CT_X509_CERTIFICATE) {
      return Shape.NOT_TLS;
    }
    return readable >= 5 ? Shape.TLS : Shape.UNDECIDED;
  }

  private static String describe(ByteBuf in) {
    for (Signature signature : SIGNATURES) {
      if (signature.matches(in)) {
        return signature.description();
      }
    }
    int previewLength = Math.min(in.readableBytes(), TEXT_PREVIEW_CHARS);
    if (isText(in, previewLength)) {
      return "text \"" + sanitize(in, previewLength) + "\"";
    }
    return "bytes " + hex(in, Math.min(in.readableBytes(), HEX_PREVIEW_BYTES));
  }

  private static boolean isText(ByteBuf in, int length) {
    for (int i = 0; i < length; i++) {
      int b = in.getUnsignedByte(in.readerIndex() + i);
      boolean printable = b >= 0x20 && b < 0x7f;
      if (!printable && b != '\r' && b != '\n' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String sanitize(ByteBuf in, int length) {
    StringBuilder text = new StringBuilder(length + 8);
    for (int i = 0; i < length; i++) {
      char c = (char) in.getUnsignedByte(in.readerIndex() + i);
      switch (c) {
        case '\r' -> text.append("\\r");
        case '\n' -> text.append("\\n");
        case '\t' -> text.append("\\t");
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> text.append(c);
      }
    }
    return text.toString();
  }

  private static String hex(ByteBuf in, int length) {
    StringBuilder text = new StringBuilder(length * 3);
    for (int i = 0; i < length; i++) {
      if (i > 0) {
        text.append(' ');
      }
      int b = in.getUnsignedByte(in.readerIndex() + i);
      text.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }

  private record Signature(byte[] prefix, String description) {
    Signature(String prefix, String description) {
      this(prefix.getBytes(StandardCharsets.US_ASCII), description);
    }

    boolean matches(ByteBuf in) {
      if (in.readableBytes() < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if (in.getByte(in.readerIndex() + i) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
