package io.tlsscan.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one timestamp format of every output: RFC 3339 in UTC with exactly three fractional digits,
 * e.g. {@code 2026-11-26T10:00:00.123Z}. Fixed width, so timestamps sort as text; sub-millisecond
 * parts are cut off, not rounded. Instants outside the years 0000–9999 are clamped to that range,
 * which is all RFC 3339 can express.
 */
final class Timestamps {
  private static final DateTimeFormatter RFC_3339_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private Timestamps() {}

  static String format(Instant instant) {
    Instant clamped =
        instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    return RFC_3339_MILLIS.format(clamped);
  }
}
