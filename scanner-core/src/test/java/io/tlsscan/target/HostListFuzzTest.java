package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hostile and random input never throws and always yields well-formed entries. */
class HostListFuzzTest {
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    "9",
    "255",
    "256",
    "65535",
    "65536",
    ".",
    ":",
    "::",
    "[",
    "]",
    "/",
    "/16",
    "/30",
    "/112",
    "/127",
    ",",
    "#",
    " ",
    "\t",
    "-",
    "_",
    "%",
    "@",
    "https://",
    "http://",
    "?",
    "x--",
    "\u0000",
    "\r",
    "\u001b",
    "\u00fc",
    "\u3002",
    "\ufeff",
    "\ud83d\ude00",
    "\ud800",
    "ffff",
    "10.0.0.0",
    "2001:db8::",
    "example.com",
    "\u00a0"
  };

  private final TargetParser parser = new TargetParser();

  @Test
  void randomLinesNeverThrowAndGiveWellFormedEntries() {
    Random random = new Random(20261126);
    long targets = 0;
    for (int i = 0; i < 50_000; i++) {
      // Given a line stitched from pieces that matter to the grammar
      StringBuilder line = new StringBuilder();
      int pieces = random.nextInt(12);
      for (int p = 0; p < pieces; p++) {
        line.append(PIECES[random.nextInt(PIECES.length)]);
      }

      // When it is parsed (ranges capped, so the test stays small)
      List<HostListEntry> entries =
          parser.parse(line.toString(), i + 1).limit(300).collect(Collectors.toList());

      // Then each entry is a sane target or invalid entry with a reason
      for (HostListEntry entry : entries) {
        assertThat(entry.line()).isEqualTo(i + 1);
        if (entry instanceof InvalidTarget) {
          InvalidTarget invalid = (InvalidTarget) entry;
          assertThat(invalid.reason()).as("reason for %s", line).isNotBlank();
          assertThat(invalid.input()).hasSizeLessThanOrEqualTo(InputText.MAX_INPUT_CHARS);
          assertThat(entries).hasSize(1);
        } else {
          assertWellFormed((Target) entry, line.toString());
          targets++;
        }
      }
    }
    assertThat(targets).as("valid targets among the random lines").isGreaterThan(1000);
  }

  private void assertWellFormed(Target target, String line) {
    assertThat(target.port()).as("port from %s", line).isBetween(1, 65535);
    assertThat(target.host()).as("host from %s", line).isNotEmpty().isLowerCase();
    assertThat(target.host().chars()).allMatch(c -> c > 0x20 && c < 0x7f);
    boolean ipLiteral = IpAddresses.parse(target.host()).isPresent();
    assertThat(target.sni()).as("sni from %s", line).isEqualTo(ipLiteral ? null : target.host());
    if (ipLiteral) {
      assertThat(target.connectAddress()).as("address from %s", line).isNotNull();
    }
    // Normalising is idempotent: the host written back parses to itself
    String again = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
    HostListEntry reparsed = parser.parse(again + ":" + target.port(), 1).findFirst().orElseThrow();
    assertThat(reparsed).as("reparse of %s from %s", again, line).isInstanceOf(Target.class);
    assertThat(((Target) reparsed).host()).isEqualTo(target.host());
  }

  @Test
  void randomBytesNeverBreakTheReader() {
    // Given 2 MB of random bytes with a newline every 0 to 6000 bytes
    Random random = new Random(42);
    byte[] bytes = new byte[2 << 20];
    random.nextBytes(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        bytes[i] = 'n';
      }
    }
    for (int i = 0; i < bytes.length; i += 1 + random.nextInt(6000)) {
      bytes[i] = '\n';
    }

    // When it is read as a host list
    List<HostListEntry> entries =
        new HostListReader().read(new ByteArrayInputStream(bytes), "garbage").collectList().block();

    // Then it completes with bounded, ordered entries
    assertThat(entries).isNotEmpty();
    long previous = 0;
    for (HostListEntry entry : entries) {
      assertThat(entry.line()).isGreaterThanOrEqualTo(previous);
      assertThat(entry.input()).hasSizeLessThanOrEqualTo(TargetParser.MAX_LINE_CHARS);
      previous = entry.line();
    }
    assertThat(entries)
        .filteredOn(e -> e instanceof InvalidTarget)
        .extracting(e -> ((InvalidTarget) e).reason())
        .contains("line longer than 4096 bytes", "line is not valid UTF-8");
  }
}
