package io.tlsscan.net.starttls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A preamble of text replies made of lines (CRLF or LF): lines are gathered until {@link
 * #isLastLine} says the reply is whole (SMTP's {@code 250-} lines go on, {@code 250 } ends), and
 * the whole reply, at most {@link Preamble#MAX_REPLY_BYTES}, goes to {@link #onReply}.
 */
abstract class LinePreamble extends Preamble {
  private final List<String> lines = new ArrayList<>();
  private int replyBytes;

  LinePreamble(StarttlsProtocol protocol) {
    super(protocol);
  }

  /** Whether {@code line} ends the reply that {@code before} began. */
  abstract boolean isLastLine(List<String> before, String line);

  /** Handles one whole reply, its lines without line breaks. */
  abstract void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException;

  @Override
  final void consume(ChannelHandlerContext ctx, ByteBuf in) throws StarttlsException {
    while (in.isReadable() && !tlsStarted()) {
      int newline = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
      if (newline < 0) {
        if (replyBytes + in.readableBytes() > MAX_REPLY_BYTES) {
          throw tooLong(in.toString(StandardCharsets.ISO_8859_1));
        }
        return;
      }
      int length = newline - in.readerIndex();
      String line = in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1);
      in.skipBytes(length + 1);
      replyBytes += length + 1;
      if (replyBytes > MAX_REPLY_BYTES) {
        throw tooLong(String.join("\n", lines) + "\n" + line);
      }
      line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      boolean last = isLastLine(lines, line);
      lines.add(line);
      if (last) {
        List<String> reply = List.copyOf(lines);
        lines.clear();
        replyBytes = 0;
        onReply(ctx, reply);
      }
    }
  }

  private StarttlsException tooLong(String text) {
    return new StarttlsException(
        name() + " reply longer than " + MAX_REPLY_BYTES + " bytes: " + quote(text));
  }

  /** The reply's lines joined with line feeds, for messages. */
  static String text(List<String> reply) {
    return String.join("\n", reply);
  }
}
