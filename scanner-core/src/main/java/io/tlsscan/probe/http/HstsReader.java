package io.tlsscan.probe.http;

import static java.util.Objects.requireNonNull;

import io.tlsscan.cert.Names;
import io.tlsscan.model.Hsts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reads one Strict-Transport-Security value for {@link HstsHeader#parse}: a cursor over it. */
final class HstsReader {
  private final String text;
  private int at;

  HstsReader(String text) {
    this.text = requireNonNull(text, "text");
  }

  HstsHeader read() {
    Map<String, String> directives = new HashMap<>(); // a valueless directive maps to null
    while (true) {
      skipSpace();
      if (at == text.length()) {
        break;
      }
      if (text.charAt(at) == ';') {
        at++;
        continue;
      }
      String name = token();
      if (name.isEmpty()) {
        return unexpected();
      }
      skipSpace();
      String value = null;
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        skipSpace();
        value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
        if (value == null) {
          return new HstsHeader.Invalid("unterminated quoted value of " + quote(name));
        }
        if (value.isEmpty() && text.charAt(at - 1) != '"') {
          return new HstsHeader.Invalid(quote(name) + " has '=' but no value");
        }
        skipSpace();
      }
      if (at < text.length() && text.charAt(at) != ';') {
        return unexpected();
      }
      String key = name.toLowerCase(Locale.ROOT);
      if (directives.containsKey(key)) {
        return new HstsHeader.Invalid("directive " + quote(key) + " appears more than once");
      }
      directives.put(key, value);
    }
    if (!directives.containsKey("max-age")) {
      return new HstsHeader.Invalid("no max-age directive");
    }
    String maxAge = directives.get("max-age");
    if (maxAge == null || maxAge.isEmpty() || !maxAge.chars().allMatch(HstsReader::isDigit)) {
      return new HstsHeader.Invalid(
          "max-age " + (maxAge == null ? "has no value" : quote(maxAge) + " is not seconds"));
    }
    if (directives.get("includesubdomains") != null) {
      return new HstsHeader.Invalid("includeSubDomains takes no value");
    }
    boolean preload = directives.containsKey("preload") && directives.get("preload") == null;
    return new HstsHeader.Valid(
        new Hsts(seconds(maxAge), directives.containsKey("includesubdomains"), preload));
  }

  private static long seconds(String digits) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > 10) {
      return HstsHeader.MAX_AGE_CAP;
    }
    return Math.min(Long.parseLong(significant), HstsHeader.MAX_AGE_CAP);
  }

  private HstsHeader.Invalid unexpected() {
    return new HstsHeader.Invalid(
        "unexpected " + quote(String.valueOf(text.charAt(at))) + " at character " + (at + 1));
  }

  /** RFC 9110 {@code token}: 1*tchar; empty when none is here. */
  private String token() {
    int start = at;
    while (at < text.length() && isTchar(text.charAt(at))) {
      at++;
    }
    return text.substring(start, at);
  }

  /** RFC 9110 {@code quoted-string} from its opening quote; {@code null} when unterminated. */
  private String quoted() {
    StringBuilder value = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (at == text.length()) {
          return null;
        }
        c = text.charAt(at++);
      }
      value.append(c);
    }
    return null;
  }

  private void skipSpace() {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isTchar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || isDigit(c)
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String quote(String serverText) {
    return "\"" + Names.shorten(serverText) + "\"";
  }
}
