package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Set;

/**
 * FTP (RFC 4217 §4): wait for the 220 greeting, send {@code AUTH TLS}, and start TLS on 234. A 500,
 * 502 or 504 means the server does not know the command or the mechanism: TLS is not offered.
 */
final class FtpPreamble extends ReplyCodePreamble {
  private static final Set<String> NOT_IMPLEMENTED = Set.of("500", "502", "504");

  private boolean greeted;

  FtpPreamble() {
    super(StarttlsProtocol.FTP);
  }

  @Override
  void onCode(ChannelHandlerContext ctx, String code, List<String> reply) throws StarttlsException {
    if (!greeted) {
      if (!code.equals("220")) {
        throw refused(text(reply));
      }
      greeted = true;
      sendLine(ctx, "AUTH TLS");
      return;
    }
    if (NOT_IMPLEMENTED.contains(code)) {
      throw notOffered("AUTH TLS not implemented", text(reply));
    }
    if (!code.equals("234")) {
      throw refused(text(reply));
    }
    startTls(ctx);
  }
}
