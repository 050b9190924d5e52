package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any line parses without throwing: a blank or comment line gives nothing, any other line at least
 * one entry, an invalid line exactly one short, printable {@link InvalidTarget}, and every target
 * is well formed.
 */
class TargetParserFuzzTest {
  /** Entries looked at per line; a range with a port list can expand to millions. */
  private static final int MAX_ENTRIES_CHECKED = 2000;

  private static final int MAX_REASON_CHARS = 400;

  // Dictionary entries use libFuzzer's syntax: a tab is written \x09.
  @FuzzTest
  @DictionaryEntries({
    "[",
    "]:",
    "::",
    "::1",
    "/16",
    "/30",
    "/112",
    "/126",
    "https://",
    "http://",
    "xn--",
    "#",
    " #",
    ",",
    ":443",
    ":65535",
    ":0",
    "127.0.0.1",
    "2001:db8::",
    "[2001:db8::1]:8443",
    "10.0.0.0/16",
    "example.com",
    "\\x09",
    ".",
    "*",
    "%",
    "@",
    "_"
  })
  void anyLineGivesWellFormedEntries(FuzzedDataProvider data) {
    // Given a parser with some STARTTLS mode, a line number and any text
    StarttlsProtocol[] protocols = StarttlsProtocol.values();
    int choice = data.consumeInt(-2, protocols.length - 1);
    TargetParser parser =
        new TargetParser(
            choice == -2
                ? StarttlsMode.AUTO
                : choice == -1
                    ? StarttlsMode.parse("none")
                    : new StarttlsMode.Fixed(protocols[choice]));
    long line = data.consumeLong(1, Long.MAX_VALUE);
    String text = data.consumeRemainingAsString();

    // When the line is parsed
    List<HostListEntry> entries = parser.parse(text, line).limit(MAX_ENTRIES_CHECKED).toList();

    // Then blank and comment lines give nothing, unless a control character makes them invalid
    String content = stripSpacesAndTabs(text);
    if (content.isEmpty() || content.startsWith("#")) {
      assertThat(entries).hasSizeLessThanOrEqualTo(1);
      assertThat(entries).allMatch(entry -> entry instanceof InvalidTarget);
    } else {
      assertThat(entries).as("entries of %s", text).isNotEmpty();
    }

    // And every entry carries the line number; an invalid one comes alone, bounded and printable
    for (HostListEntry entry : entries) {
      assertThat(entry.line()).isEqualTo(line);
      if (entry instanceof InvalidTarget invalid) {
        assertThat(entries).hasSize(1);
        assertThat(invalid.input()).hasSizeLessThanOrEqualTo(InputText.MAX_INPUT_CHARS);
        assertThat(invalid.reason()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_REASON_CHARS);
        assertThat(invalid.input().chars()).noneMatch(Character::isISOControl);
        assertThat(invalid.reason().chars()).noneMatch(Character::isISOControl);
      } else {
        assertWellFormed((Target) entry, text);
      }
    }
  }

  private static void assertWellFormed(Target target, String text) {
    assertThat(target.port()).as("port from %s", text).isBetween(Ports.MIN, Ports.MAX);
    assertThat(target.host()).as("host from %s", text).isNotEmpty();
    assertThat(target.host().chars()).allMatch(c -> c > 0x20 && c < 0x7f && !isUpperCase(c));
    boolean ipLiteral = IpAddresses.parse(target.host()).isPresent();
    assertThat(target.sni()).as("sni from %s", text).isEqualTo(ipLiteral ? null : target.host());
    if (ipLiteral) {
      assertThat(target.connectAddress()).as("address from %s", text).isNotNull();
    }
    assertThat(target.input()).isEqualTo(stripSpacesAndTabs(text));
  }

  private static boolean isUpperCase(int c) {
    return c >= 'A' && c <= 'Z';
  }

  private static String stripSpacesAndTabs(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }
}
