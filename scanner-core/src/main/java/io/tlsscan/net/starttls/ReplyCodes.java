package io.tlsscan.net.starttls;

import java.util.List;

/** Three-digit reply codes as SMTP, FTP and NNTP start their reply lines with. */
final class ReplyCodes {
  private ReplyCodes() {}

  /**
   * Whether {@code line} ends a reply: a line {@code 250-...} goes on, the first line that starts
   * with the same code and a space ({@code 250 ...}) ends it (RFC 5321 §4.2.1, RFC 959 §4.2).
   */
  static boolean isLastLine(List<String> before, String line) {
    if (before.isEmpty()) {
      return !startsWithCode(line) || line.length() < 4 || line.charAt(3) != '-';
    }
    String first = before.get(0);
    return line.startsWith(first.substring(0, 3) + " ") || line.equals(first.substring(0, 3));
  }

  /** The code of the reply's last line, or {@code null} when it does not start with one. */
  static String code(List<String> reply) {
    String last = reply.get(reply.size() - 1);
    if (!startsWithCode(last) || (last.length() > 3 && last.charAt(3) != ' ')) {
      return null;
    }
    return last.substring(0, 3);
  }

  private static boolean startsWithCode(String line) {
    return line.length() >= 3
        && Character.isDigit(line.charAt(0))
        && Character.isDigit(line.charAt(1))
        && Character.isDigit(line.charAt(2));
  }
}
