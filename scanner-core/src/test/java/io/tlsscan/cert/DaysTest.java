package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DaysTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void wholeDaysRoundDown() {
    assertThat(Days.between(NOW, NOW.plus(Duration.ofHours(47)))).isEqualTo(1);
    assertThat(Days.between(NOW, NOW.plus(Duration.ofDays(3)))).isEqualTo(3);
    assertThat(Days.between(NOW, NOW.minus(Duration.ofHours(1)))).isEqualTo(-1);
    assertThat(Days.between(NOW, NOW.minus(Duration.ofDays(3)))).isEqualTo(-3);
  }

  @Test
  void phrases() {
    assertThat(Days.ago(0)).isEqualTo("today");
    assertThat(Days.ago(1)).isEqualTo("1 day ago");
    assertThat(Days.ago(3)).isEqualTo("3 days ago");
    assertThat(Days.in(0)).isEqualTo("within a day");
    assertThat(Days.in(12)).isEqualTo("in 12 days");
    assertThat(Days.date(NOW)).hasToString("2026-11-26");
  }
}
