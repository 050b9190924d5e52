package io.tlsscan.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Hsts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict-Transport-Security values as RFC 6797 section 6.1 reads them. */
class HstsHeaderTest {

  private static Hsts valid(String value) {
    HstsHeader header = HstsHeader.parse(value);
    assertThat(header).as("%s", value).isInstanceOf(HstsHeader.Valid.class);
    return ((HstsHeader.Valid) header).policy();
  }

  private static String invalid(String value) {
    HstsHeader header = HstsHeader.parse(value);
    assertThat(header).as("%s", value).isInstanceOf(HstsHeader.Invalid.class);
    return ((HstsHeader.Invalid) header).reason();
  }

  @Test
  void readsTheDirectivesWhateverTheirCaseSpacingAndQuoting() {
    assertThat(valid("max-age=31536000; includeSubDomains; preload"))
        .isEqualTo(new Hsts(31_536_000, true, true));
    assertThat(valid("MAX-AGE=\"600\" ;INCLUDESUBDOMAINS")).isEqualTo(new Hsts(600, true, false));
    assertThat(valid(";; max-age = 0 ;")).isEqualTo(new Hsts(0, false, false));
    assertThat(valid("max-age=\"1\\2\"")).as("quoted-pair").isEqualTo(new Hsts(12, false, false));
  }

  @Test
  void skipsUnknownDirectivesButCountsPreloadOnlyWithoutAValue() {
    assertThat(valid("max-age=100; report-uri=\"https://r.example/\"; x"))
        .isEqualTo(new Hsts(100, false, false));
    assertThat(valid("max-age=100; preload=yes")).isEqualTo(new Hsts(100, false, false));
  }

  @Test
  void capsHugeMaxAgesAtTwoToTheThirtyFirst() {
    assertThat(valid("max-age=99999999999999999999999").maxAge()).isEqualTo(2_147_483_648L);
    assertThat(valid("max-age=0000000000000000031536000").maxAge()).isEqualTo(31_536_000L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "max-age=100; max-age=200        | directive \"max-age\" appears more than once",
        "max-age=100; Max-Age=100        | directive \"max-age\" appears more than once",
        "max-age=1; includeSubDomains; includesubdomains | directive \"includesubdomains\" appears more than once",
        "includeSubDomains               | no max-age directive",
        "''                              | no max-age directive",
        "max-age                         | max-age has no value",
        "max-age=                        | \"max-age\" has '=' but no value",
        "max-age=-1                      | max-age \"-1\" is not seconds",
        "max-age=1.5                     | max-age \"1.5\" is not seconds",
        "max-age=\"12                    | unterminated quoted value of \"max-age\"",
        "max-age=10, includeSubDomains   | unexpected \",\" at character 11",
        "max-age=10; includeSubDomains=1 | includeSubDomains takes no value",
      })
  void ignoresAHeaderThatBreaksTheGrammarAndSaysWhy(String value, String reason) {
    assertThat(invalid(value.strip())).isEqualTo(reason);
  }

  @Test
  void quotesServerTextSafely() {
    assertThat(invalid("max-age=\"1\u001b[31m\"")).isEqualTo("max-age \"1\\u001b[31m\" is not seconds");
  }
}
