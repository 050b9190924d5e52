package io.tlsscan.net.starttls;

import io.netty.channel.ChannelHandlerContext;
import io.tlsscan.net.StarttlsException;
import io.tlsscan.target.StarttlsProtocol;
import java.util.List;
import java.util.Locale;

/**
 * IMAP (RFC 3501 §6.2.1, RFC 2595): wait for the {@code * OK} greeting, ask {@code CAPABILITY},
 * check it lists STARTTLS, send {@code STARTTLS}, and start TLS on the tagged {@code OK}. A
 * command's reply is its untagged lines up to the line with the command's tag.
 */
final class ImapPreamble extends LinePreamble {
  private enum Step {
    GREETING,
    CAPABILITY,
    STARTTLS
  }

  private Step step = Step.GREETING;

  ImapPreamble() {
    super(StarttlsProtocol.IMAP);
  }

  @Override
  void start(ChannelHandlerContext ctx) {}

  @Override
  boolean isLastLine(List<String> before, String line) {
    return step == Step.GREETING || line.startsWith(tag() + " ");
  }

  private String tag() {
    return step == Step.CAPABILITY ? "a1" : "a2";
  }

  @Override
  void onReply(ChannelHandlerContext ctx, List<String> reply) throws StarttlsException {
    String last = reply.get(reply.size() - 1).toUpperCase(Locale.ROOT);
    switch (step) {
      case GREETING -> {
        if (last.startsWith("* BYE")) {
          throw refused(text(reply));
        }
        if (!last.startsWith("* OK") && !last.startsWith("* PREAUTH")) {
          throw notSpoken(text(reply));
        }
        step = Step.CAPABILITY;
        sendLine(ctx, "a1 CAPABILITY");
      }
      case CAPABILITY -> {
        if (!last.startsWith("A1 OK")) {
          throw refused(text(reply));
        }
        boolean offered =
            reply.stream()
                .map(line -> line.toUpperCase(Locale.ROOT))
                .filter(line -> line.startsWith("* CAPABILITY "))
                .anyMatch(line -> List.of(line.split(" ")).contains("STARTTLS"));
        if (!offered) {
          throw notOffered("not in the CAPABILITY reply", text(reply));
        }
        step = Step.STARTTLS;
        sendLine(ctx, "a2 STARTTLS");
      }
      case STARTTLS -> {
        if (!last.startsWith("A2 OK")) {
          throw refused(text(reply));
        }
        startTls(ctx);
      }
    }
  }
}
