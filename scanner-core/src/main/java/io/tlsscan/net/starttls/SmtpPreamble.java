package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Locale;

/**
 * SMTP, submission and LMTP (RFC 5321, 3207, 2033): wait for the 220 greeting, send EHLO (LMTP:
 * LHLO), check that STARTTLS is among the extensions of the 250 reply, send STARTTLS, and start TLS
 * on 220. Replies span lines {@code 250-...} up to the one with a space after the code.
 */
final class SmtpPreamble extends ReplyCodePreamble {
  /** The client's name in EHLO; {@code .invalid} (RFC 2606) claims no real host. */
  static final String CLIENT_NAME = "tlsscan.invalid";

  private enum Step {
    GREETING,
    HELLO,
    STARTTLS
  }

  private final String hello;
  private Step step = Step.GREETING;

  SmtpPreamble(StarttlsProtocol protocol) {
    super(protocol);
    this.hello = protocol == StarttlsProtocol.LMTP ? "LHLO" : "EHLO";
  }

  @Override
  void onCode(ChannelHandlerContext ctx, String code, List<String> reply) throws StarttlsException {
    switch (step) {
      case GREETING -> {
        if (!code.equals("220")) {
          throw refused(text(reply));
        }
        step = Step.HELLO;
        sendLine(ctx, hello + " " + CLIENT_NAME);
      }
      case HELLO -> {
        if (!code.equals("250")) {
          throw refused(text(reply));
        }
        if (!offersStarttls(reply)) {
          throw notOffered("not in the " + hello + " reply", text(reply));
        }
        step = Step.STARTTLS;
        sendLine(ctx, "STARTTLS");
      }
      case STARTTLS -> {
        if (!code.equals("220")) {
          throw refused(text(reply));
        }
        startTls(ctx);
      }
    }
  }

  /** An extension line {@code 250-STARTTLS} or {@code 250 STARTTLS}, any case. */
  private static boolean offersStarttls(List<String> reply) {
    return reply.stream()
        .skip(1)
        .map(line -> line.length() > 4 ? line.substring(4).trim() : "")
        .anyMatch(keyword -> keyword.toUpperCase(Locale.ROOT).split(" ")[0].equals("STARTTLS"));
  }
}
