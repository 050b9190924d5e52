package io.tlsscan.report;

/**
 * Makes text taken from servers safe to write. Certificate subjects, SANs and alert messages are
 * chosen by whoever runs the server, so they may hold lone UTF-16 surrogates (which cannot be
 * encoded as UTF-8), terminal escape sequences or bidirectional overrides.
 */
public final class SafeText {
  /** U+FFFD REPLACEMENT CHARACTER, written in place of a lone surrogate. */
  public static final char REPLACEMENT = '\uFFFD';

  private SafeText() {}

  /**
   * The text with every lone surrogate (a high surrogate not followed by a low one, or a low one
   * not preceded by a high one) replaced by U+FFFD, so it encodes to valid UTF-8. Returns the same
   * instance when nothing needed replacing, and {@code null} for {@code null}.
   */
  public static String wellFormed(String text) {
    if (text == null || !hasLoneSurrogate(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
      }
    }
    return out.toString();
  }

  /**
   * The text made {@linkplain #wellFormed well formed}, with every control character (C0, DEL, C1)
   * and every invisible format character (such as U+202E RIGHT-TO-LEFT OVERRIDE) written as a
   * visible {@code \\uXXXX} escape, so it cannot move the cursor, change colours or reorder what a
   * terminal shows. Returns {@code null} for {@code null}.
   */
  public static String forTerminal(String text) {
    String wellFormed = wellFormed(text);
    if (wellFormed == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(wellFormed.length());
    wellFormed
        .codePoints()
        .forEach(
            cp -> {
              int type = Character.getType(cp);
              if (type == Character.CONTROL || type == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /**
   * The text made {@linkplain #wellFormed well formed} and escaped for HTML and XML, in element
   * content and quoted attribute values alike: {@code & < > " '} become references, and characters
   * XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; U+FFFE,
   * U+FFFF) become U+FFFD. Returns the empty string for {@code null}.
   */
  public static String forMarkup(String text) {
    if (text == null) {
      return "";
    }
    String wellFormed = wellFormed(text);
    StringBuilder out = new StringBuilder(wellFormed.length() + 16);
    for (int i = 0; i < wellFormed.length(); i++) {
      char c = wellFormed.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(allowedInXml(c) ? c : REPLACEMENT);
      }
    }
    return out.toString();
  }

  private static boolean allowedInXml(char c) {
    return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') && c != 0xFFFE && c != 0xFFFF;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
