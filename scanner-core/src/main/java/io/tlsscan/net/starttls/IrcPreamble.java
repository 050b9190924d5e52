package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;

/**
 * IRC with the IRCv3 {@code tls} extension: send {@code STARTTLS} before registering and start TLS
 * on numeric 670 ({@code RPL_STARTTLS}); 691 ({@code ERR_STARTTLS}) is a refusal, 421 (unknown
 * command) or 451 (not registered) mean the server does not offer it. Notices before that are
 * skipped, a {@code PING} answered.
 */
final class IrcPreamble extends LinePreamble {
  private boolean heardIrc;

  IrcPreamble() {
    super(StarttlsProtocol.IRC);
  }

  @Override
  void start(ChannelHandlerContext ctx) {
    sendLine(ctx, "STARTTLS");
  }

  @Override
  boolean isLastLine(List<String> before, String line) {
    return true;
  }

  @Override
  void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String line = reply.get(0);
    String[] words = line.split(" ");
    int command = line.startsWith(":") ? 1 : 0;
    if (words.length <= command) {
      throw notSpoken(line);
    }
    switch (words[command]) {
      case "670" -> startTls(ctx);
      case "691", "ERROR" -> throw refused(line);
      case "421", "451" -> throw notOffered("STARTTLS is not a command it knows", line);
      case "PING" -> sendLine(ctx, "PONG" + line.substring(line.indexOf("PING") + 4));
      default -> {
        if (!heardIrc && command == 0 && !words[0].equals("NOTICE")) {
          throw notSpoken(line);
        }
      }
    }
    heardIrc = true;
  }
}
