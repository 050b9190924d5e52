package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Locale;

/**
 * POP3 (RFC 2595 §4, RFC 2449): wait for {@code +OK}, ask {@code CAPA} (a list ending in a line
 * with a single dot), check it lists STLS, send {@code STLS}, and start TLS on {@code +OK}. A
 * server without CAPA ({@code -ERR}) is asked STLS directly.
 */
final class Pop3Preamble extends LinePreamble {
  private enum Step {
    GREETING,
    CAPA,
    STLS
  }

  private Step step = Step.GREETING;

  Pop3Preamble() {
    super(StarttlsProtocol.POP3);
  }

  @Override
  void start(ChannelHandlerContext ctx) {}

  @Override
  boolean isLastLine(List<String> before, String line) {
    if (step != Step.CAPA || (before.isEmpty() && !line.startsWith("+OK"))) {
      return true;
    }
    return line.equals(".");
  }

  @Override
  void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String first = reply.get(0);
    boolean ok = first.startsWith("+OK");
    switch (step) {
      case GREETING -> {
        if (first.startsWith("-ERR")) {
          throw refused(text(reply));
        }
        if (!ok) {
          throw notSpoken(text(reply));
        }
        step = Step.CAPA;
        sendLine(ctx, "CAPA");
      }
      case CAPA -> {
        boolean offered =
            reply.stream()
                .anyMatch(line -> line.toUpperCase(Locale.ROOT).split(" ")[0].equals("STLS"));
        if (ok && !offered) {
          throw notOffered("not in the CAPA reply", text(reply));
        }
        step = Step.STLS;
        sendLine(ctx, "STLS");
      }
      case STLS -> {
        if (!ok) {
          throw refused(text(reply));
        }
        startTls(ctx);
      }
    }
  }
}
