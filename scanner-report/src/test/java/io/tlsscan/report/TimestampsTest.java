package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void alwaysThreeFractionalDigitsInUtc() {
    assertThat(Timestamps.format(Instant.parse("2026-11-26T10:00:00Z")))
        .isEqualTo("2026-11-26T10:00:00.000Z");
    assertThat(Timestamps.format(Instant.parse("2026-11-26T10:00:00.123999999Z")))
        .as("cut, not rounded")
        .isEqualTo("2026-11-26T10:00:00.123Z");
  }

  @Test
  void instantsBeyondRfc3339AreClampedInsteadOfFailing() {
    assertThat(Timestamps.format(Instant.MAX)).isEqualTo("9999-12-31T23:59:59.999Z");
    assertThat(Timestamps.format(Instant.MIN)).isEqualTo("0000-01-01T00:00:00.000Z");
  }
}
