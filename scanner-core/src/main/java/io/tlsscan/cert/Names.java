package io.tlsscan.cert;

/**
 * Makes names quoted in messages safe to print: short, however long a hostile certificate makes
 * them, and with control and other non-printable characters escaped ({@code \n}, {@code \u001b}).
 */
public final class Names {
  /** Longest name quoted in a message, before escaping. */
  public static final int MAX_LENGTH = 200;

  private Names() {}

  /** The name cut to {@link #MAX_LENGTH} characters (then {@code ...}), non-printables escaped. */
  public static String shorten(String name) {
    boolean cut = name.length() > MAX_LENGTH;
    String kept = cut ? name.substring(0, MAX_LENGTH) : name;
    StringBuilder text = null;
    for (int i = 0; i < kept.length(); i++) {
      char c = kept.charAt(i);
      if (printable(c)) {
        if (text != null) {
          text.append(c);
        }
        continue;
      }
      if (text == null) {
        text = new StringBuilder(kept.length() + 16).append(kept, 0, i);
      }
      text.append(String.format("\\u%04x", (int) c));
    }
    String safe = text == null ? kept : text.toString();
    return cut ? safe + "..." : safe;
  }

  private static boolean printable(char c) {
    if (Character.isISOControl(c)) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.FORMAT,
              Character.SURROGATE,
              Character.PRIVATE_USE,
              Character.UNASSIGNED,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
