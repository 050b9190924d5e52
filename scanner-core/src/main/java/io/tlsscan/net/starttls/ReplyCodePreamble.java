package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;

/**
 * A preamble whose server speaks first and starts every reply with a three-digit code, lines {@code
 * 250-...} going on up to the one with a space after the code (SMTP, FTP): each whole reply goes to
 * {@link #onCode} with its code; a reply without one means the server speaks another protocol.
 */
abstract class ReplyCodePreamble extends LinePreamble {
  ReplyCodePreamble(StarttlsProtocol protocol) {
    super(protocol);
  }

  /** Handles one whole reply and the code of its last line. */
  abstract void onCode(ChannelHandlerContext ctx, String code, List<String> reply)
      throws StarttlsException;

  /** Nothing to send: the server's greeting comes first. */
  @Override
  final void start(ChannelHandlerContext ctx) {}

  @Override
  final boolean isLastLine(List<String> before, String line) {
    return ReplyCodes.isLastLine(before, line);
  }

  @Override
  final void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String code = ReplyCodes.code(reply);
    if (code == null) {
      throw notSpoken(text(reply));
    }
    onCode(ctx, code, reply);
  }
}
