package io.tlsscan.scan;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the way the command line takes them: {@code 500ms}, {@code 10s},
 * {@code 2m}, {@code 1h}; a bare number means seconds ({@code 1.5} is 1500 ms).
 */
public final class DurationText {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  private DurationText() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the text when it is not a positive duration
   */
  public static Duration parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "\""
              + text
              + "\" is not a duration (examples: 500ms, 3s, 2m, 1h; a bare number is seconds)");
    }
    double value = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "s" : matcher.group(2);
    double millis =
        switch (unit) {
          case "ms" -> value;
          case "m" -> value * 60_000;
          case "h" -> value * 3_600_000;
          default -> value * 1_000;
        };
    if (millis < 1 || millis > Duration.ofDays(1).toMillis()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is out of range: a duration must be between 1ms and 24h");
    }
    return Duration.ofMillis(Math.round(millis));
  }

  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
