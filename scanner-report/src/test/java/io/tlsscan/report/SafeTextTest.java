package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    assertThat(SafeText.wellFormed("a\uD800")).isEqualTo("a\uFFFD");
    assertThat(SafeText.wellFormed("\uDC00b")).isEqualTo("\uFFFDb");
    assertThat(SafeText.wellFormed("\uDC00\uD800"))
        .as("pair in the wrong order")
        .isEqualTo("\uFFFD\uFFFD");
    assertThat(SafeText.wellFormed("\uD800\uD83D\uDE00"))
        .as("high surrogate before a pair")
        .isEqualTo("\uFFFD\uD83D\uDE00");
  }

  @Test
  void wellFormedTextIsReturnedAsItIs() {
    String text = "CN=caf\u00e9 \uD83D\uDE00 \u0000\u001b";
    assertThat(SafeText.wellFormed(text)).isSameAs(text);
    assertThat(SafeText.wellFormed(null)).isNull();
  }

  @Test
  void terminalTextShowsControlAndFormatCharactersAsEscapes() {
    assertThat(SafeText.forTerminal("CN=\u001b[31mred\u0007\u007f\u0085\u202Eevil\uD800"))
        .isEqualTo("CN=\\u001B[31mred\\u0007\\u007F\\u0085\\u202Eevil\uFFFD");
    assertThat(SafeText.forTerminal("line\nbreak\ttab")).isEqualTo("line\\u000Abreak\\u0009tab");
    assertThat(SafeText.forTerminal("caf\u00e9 \uD83D\uDE00")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    assertThat(SafeText.forTerminal(null)).isNull();
  }
}
