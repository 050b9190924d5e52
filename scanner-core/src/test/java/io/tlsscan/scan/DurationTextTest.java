package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void readsTheCommandLineForms() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("10")).isEqualTo(Duration.ofSeconds(10));
    assertThat(DurationText.parse("1.5")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void refusesWhatIsNotAPositiveDurationNamingIt() {
    assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("\"soon\"");
    assertThatThrownBy(() -> DurationText.parse("-1s")).hasMessageContaining("\"-1s\"");
    assertThatThrownBy(() -> DurationText.parse("0")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> DurationText.parse("2d")).hasMessageContaining("\"2d\"");
  }

  @Test
  void writesWhatItReads() {
    for (String text : new String[] {"500ms", "3s", "2m"}) {
      assertThat(DurationText.format(DurationText.parse(text))).isEqualTo(text);
    }
  }
}
