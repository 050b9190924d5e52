package io.tlsscan.cert;

/** Keeps names quoted in messages short, however long a hostile certificate makes them. */
final class Names {
  /** Longest name quoted in a message. */
  static final int MAX_LENGTH = 200;

  private Names() {}

  static String shorten(String name) {
    return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH) + "...";
  }
}
