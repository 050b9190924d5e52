package io.tlsscan.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one timestamp format of every output: RFC 3339 in UTC with exactly three fractional digits,
 * e.g. {@code 2026-11-26T10:00:00.123Z}. Fixed width, so timestamps sort as text; sub-millisecond
 * parts are cut off, not rounded. Instants outside the years 0000–9999 are clamped to that range,
 * which is all RFC 3339 can express. Written digit by digit: a record has one or two, and a {@code
 * DateTimeFormatter} cost a fast scan about 1 % of its CPU.
 */
final class Timestamps {
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private Timestamps() {}

  static String format(Instant instant) {
    Instant clamped =
        instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    LocalDateTime time = LocalDateTime.ofEpochSecond(clamped.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
    digits(text, 0, 4, time.getYear());
    digits(text, 5, 2, time.getMonthValue());
    digits(text, 8, 2, time.getDayOfMonth());
    digits(text, 11, 2, time.getHour());
    digits(text, 14, 2, time.getMinute());
    digits(text, 17, 2, time.getSecond());
    digits(text, 20, 3, clamped.getNano() / 1_000_000);
    return new String(text);
  }

  /** Writes {@code value} as {@code width} decimal digits ending before {@code start + width}. */
  private static void digits(char[] text, int start, int width, int value) {
    int rest = value;
    for (int i = start + width - 1; i >= start; i--) {
      text[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
  }
}
