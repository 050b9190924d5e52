package io.tlsscan.target;

/** Keeps user input that is echoed back in reports short and printable. */
final class InputText {
  /** Longest {@link InvalidTarget#input()} kept, ellipsis included. */
  static final int MAX_INPUT_CHARS = 200;

  /** Longest token quoted in a reason, ellipsis included. */
  static final int MAX_QUOTED_CHARS = 100;

  private static final char ELLIPSIS = '\u2026';

  private InputText() {}

  /**
   * The text cut to {@link #MAX_INPUT_CHARS} with control characters escaped. Cut before escaping
   * so huge input costs little, and again after, since escapes lengthen it.
   */
  static String bounded(String text) {
    return shorten(printable(shorten(text, MAX_INPUT_CHARS)), MAX_INPUT_CHARS);
  }

  /** The token in double quotes, cut to {@link #MAX_QUOTED_CHARS}, control characters escaped. */
  static String quote(String token) {
    return '"' + shorten(printable(shorten(token, MAX_QUOTED_CHARS)), MAX_QUOTED_CHARS) + '"';
  }

  private static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + ELLIPSIS;
  }

  private static String printable(String text) {
    if (text.chars().noneMatch(Character::isISOControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02X", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
