package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Locale;

/**
 * NNTP (RFC 4642, RFC 3977): wait for the 200/201 greeting, ask {@code CAPABILITIES} (101 and a
 * list ending in a single dot), check it lists STARTTLS, send {@code STARTTLS}, start TLS on 382.
 */
final class NntpPreamble extends LinePreamble {
  private enum Step {
    GREETING,
    CAPABILITIES,
    STARTTLS
  }

  private Step step = Step.GREETING;

  NntpPreamble() {
    super(StarttlsProtocol.NNTP);
  }

  @Override
  void start(ChannelHandlerContext ctx) {}

  @Override
  boolean isLastLine(List<String> before, String line) {
    if (step != Step.CAPABILITIES || (before.isEmpty() && !line.startsWith("101"))) {
      return true;
    }
    return line.equals(".");
  }

  @Override
  void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String code = ReplyCodes.code(reply.subList(0, 1));
    if (code == null) {
      throw notSpoken(text(reply));
    }
    switch (step) {
      case GREETING -> {
        if (!code.equals("200") && !code.equals("201")) {
          throw refused(text(reply));
        }
        step = Step.CAPABILITIES;
        sendLine(ctx, "CAPABILITIES");
      }
      case CAPABILITIES -> {
        boolean offered =
            reply.stream()
                .skip(1)
                .anyMatch(line -> line.toUpperCase(Locale.ROOT).split(" ")[0].equals("STARTTLS"));
        if (code.equals("101") && !offered) {
          throw notOffered("not in the CAPABILITIES reply", text(reply));
        }
        step = Step.STARTTLS;
        sendLine(ctx, "STARTTLS");
      }
      case STARTTLS -> {
        if (!code.equals("382")) {
          throw refused(text(reply));
        }
        startTls(ctx);
      }
    }
  }
}
