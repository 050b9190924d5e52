package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Locale;

/**
 * ManageSieve (RFC 5804 §1.7, §2.2): the server greets with its capabilities, one quoted name a
 * line, ending in {@code OK}; if {@code "STARTTLS"} is among them send {@code STARTTLS} and start
 * TLS on {@code OK}.
 */
final class SievePreamble extends LinePreamble {
  private boolean asked;

  SievePreamble() {
    super(StarttlsProtocol.SIEVE);
  }

  @Override
  void start(ChannelHandlerContext ctx) {}

  @Override
  boolean isLastLine(List<String> before, String line) {
    return !line.startsWith("\"");
  }

  @Override
  void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String last = reply.get(reply.size() - 1).toUpperCase(Locale.ROOT);
    boolean ok = last.equals("OK") || last.startsWith("OK ");
    boolean no = last.startsWith("NO") || last.startsWith("BYE");
    if (!ok && !no) {
      throw notSpoken(text(reply));
    }
    if (no) {
      throw refused(text(reply));
    }
    if (asked) {
      startTls(ctx);
      return;
    }
    boolean offered =
        reply.stream().anyMatch(line -> line.toUpperCase(Locale.ROOT).equals("\"STARTTLS\""));
    if (!offered) {
      throw notOffered("not among its capabilities", text(reply));
    }
    asked = true;
    sendLine(ctx, "STARTTLS");
  }
}
