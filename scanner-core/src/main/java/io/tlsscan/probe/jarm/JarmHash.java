package io.tlsscan.probe.jarm;

import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * JARM's fuzzy hash of the ten answers, as the reference implementation (salesforce/jarm) computes
 * it: for each answer two hex digits for the chosen suite (its 1-based place in the reference's
 * sorted suite list, {@code 00} for none, {@code 46} for a suite not in the list) and one letter
 * for the version ({@code a}-{@code f} for the last digit 0-5 of its hex code, {@code 0} for none);
 * then the first 32 hex digits of the SHA-256 of all ALPN and extension fields run together. Ten
 * empty answers give 62 zeros.
 */
final class JarmHash {
  /** The hash of a server that answered none of the ten hellos. */
  static final String ZERO = "0".repeat(62);

  /** The suites in the order whose place is the suite's code in the hash. */
  private static final List<Integer> SORTED_SUITES =
      List.of(
          0x0004, 0x0005, 0x0007, 0x000a, 0x0016, 0x002f, 0x0033, 0x0035, 0x0039, 0x003c, 0x003d,
          0x0041, 0x0045, 0x0067, 0x006b, 0x0084, 0x0088, 0x009a, 0x009c, 0x009d, 0x009e, 0x009f,
          0x00ba, 0x00be, 0x00c0, 0x00c4, 0xc007, 0xc008, 0xc009, 0xc00a, 0xc011, 0xc012, 0xc013,
          0xc014, 0xc023, 0xc024, 0xc027, 0xc028, 0xc02b, 0xc02c, 0xc02f, 0xc030, 0xc060, 0xc061,
          0xc072, 0xc073, 0xc076, 0xc077, 0xc09c, 0xc09d, 0xc09e, 0xc09f, 0xc0a0, 0xc0a1, 0xc0a2,
          0xc0a3, 0xc0ac, 0xc0ad, 0xc0ae, 0xc0af, 0xcc13, 0xcc14, 0xcca8, 0xcca9, 0x1301, 0x1302,
          0x1303, 0x1304, 0x1305);

  private static final HexFormat HEX = HexFormat.of();

  /** Each sorted suite's four lower-case hex digits, as answers spell it, to its 1-based place. */
  private static final Map<String, Integer> PLACES = places();

  private static final String VERSION_LETTERS = "abcdef";

  private JarmHash() {}

  /** The answers joined as the reference prints them in verbose mode: comma-separated. */
  static String raw(List<String> answers) {
    return String.join(",", answers);
  }

  /**
   * The fuzzy hash of the ten answers.
   *
   * @throws IllegalArgumentException for an answer the reference cannot hash either (it stops with
   *     an error there): a version whose last hex digit is not 0-5, or fewer than four fields
   */
  static String of(List<String> answers) {
    String raw = raw(answers);
    if (raw.equals(String.join(",", Collections.nCopies(10, JarmAnswer.EMPTY)))) {
      return ZERO;
    }
    StringBuilder fuzzy = new StringBuilder(62);
    StringBuilder alpnsAndExtensions = new StringBuilder();
    for (String answer : raw.split(",", -1)) {
      String[] fields = answer.split("\\|", -1);
      if (fields.length < 4) {
        throw new IllegalArgumentException("answer \"" + answer + "\" has fewer than four fields");
      }
      fuzzy.append(suiteCode(fields[0])).append(versionLetter(fields[1]));
      alpnsAndExtensions.append(fields[2]).append(fields[3]);
    }
    return fuzzy.append(Digests.sha256Hex(alpnsAndExtensions.toString()), 0, 32).toString();
  }

  private static String suiteCode(String hex) {
    if (hex.isEmpty()) {
      return "00";
    }
    return HEX.toHexDigits((byte) PLACES.getOrDefault(hex, SORTED_SUITES.size() + 1).intValue());
  }

  private static Map<String, Integer> places() {
    Map<String, Integer> places = new HashMap<>();
    for (int i = 0; i < SORTED_SUITES.size(); i++) {
      places.put(HEX.toHexDigits(SORTED_SUITES.get(i).shortValue()), i + 1);
    }
    return Map.copyOf(places);
  }

  private static char versionLetter(String hex) {
    if (hex.isEmpty()) {
      return '0';
    }
    int digit = hex.length() >= 4 ? Character.digit(hex.charAt(3), 10) : -1;
    if (digit < 0 || digit >= VERSION_LETTERS.length()) {
      throw new IllegalArgumentException("server answered with version " + hex);
    }
    return VERSION_LETTERS.charAt(digit);
  }
}
