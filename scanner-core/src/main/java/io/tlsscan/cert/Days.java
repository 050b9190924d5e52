package io.tlsscan.cert;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Whole days between instants, and how messages say them. */
final class Days {
  private static final long SECONDS_PER_DAY = 86_400;

  private Days() {}

  /**
   * Whole days from {@code from} to {@code to}, rounded down, negative when {@code to} is earlier.
   */
  static long between(Instant from, Instant to) {
    return Math.floorDiv(Duration.between(from, to).getSeconds(), SECONDS_PER_DAY);
  }

  /** {@code "3 days ago"}, {@code "1 day ago"} or {@code "today"}. */
  static String ago(long days) {
    return days == 0 ? "today" : count(days) + " ago";
  }

  /** {@code "in 3 days"}, {@code "in 1 day"} or {@code "within a day"}. */
  static String in(long days) {
    return days == 0 ? "within a day" : "in " + count(days);
  }

  /** The UTC date, e.g. {@code 2026-11-23}. */
  static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String count(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
