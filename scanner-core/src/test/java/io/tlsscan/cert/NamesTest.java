package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void controlAndInvisibleCharactersAreEscaped() {
    // Given a subject crafted to move the cursor, colour the terminal and hide text
    String hostile = "CN=evil\u001b[31m\r\nroot\u202e\u0000";

    // Then none of those characters survive; each is written as an escape
    assertThat(Names.shorten(hostile))
        .isEqualTo("CN=evil\\u001b[31m\\u000d\\u000aroot\\u202e\\u0000");
  }

  @Test
  void printableNamesAreKeptAsTheyAre() {
    assertThat(Names.shorten("CN=Bücher GmbH, O=例え")).isEqualTo("CN=Bücher GmbH, O=例え");
  }

  @Test
  void longNamesAreCutBeforeEscaping() {
    String name = "x".repeat(Names.MAX_LENGTH) + "\u001b";

    assertThat(Names.shorten(name)).isEqualTo("x".repeat(Names.MAX_LENGTH) + "...");
  }
}
