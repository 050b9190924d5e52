package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any bytes read as a host list complete without error, in line order, with at least one entry for
 * every line that is neither blank nor a comment and nothing for the blank ones.
 */
class HostListReaderFuzzTest {
  /** Entries looked at per input; ranges with port lists can expand to millions. */
  private static final int MAX_ENTRIES_CHECKED = 20_000;

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  // Dictionary entries use libFuzzer's syntax: bytes outside printable ASCII are written \xNN.
  @FuzzTest
  @DictionaryEntries({
    "\\x0A",
    "\\x0D\\x0A",
    "\\xEF\\xBB\\xBF",
    "#",
    " #",
    "[",
    "]:",
    "::1",
    "/16",
    "/112",
    "https://",
    ",",
    ":443",
    "127.0.0.1",
    "example.com",
    " 10.0.0.5"
  })
  void anyBytesGiveOrderedEntries(byte[] bytes) {
    // Given the lines the bytes consist of, as a person would count them
    List<byte[]> lines = physicalLines(bytes);

    // When they are read as a host list
    List<HostListEntry> entries =
        new HostListReader()
            .read(new ByteArrayInputStream(bytes), "fuzz")
            .take(MAX_ENTRIES_CHECKED)
            .collectList()
            .block();

    // Then entries come in line order, each line's entries together
    assertThat(entries).isNotNull();
    int[] perLine = new int[lines.size() + 1];
    long previous = 1;
    for (HostListEntry entry : entries) {
      assertThat(entry.line()).isBetween(previous, (long) lines.size());
      assertThat(entry.input()).hasSizeLessThanOrEqualTo(HostListReader.MAX_LINE_BYTES);
      perLine[(int) entry.line()]++;
      previous = entry.line();
    }

    // And each line the reader got to gives what its kind promises
    boolean cutShort = entries.size() == MAX_ENTRIES_CHECKED;
    long lastChecked = cutShort ? previous - 1 : lines.size();
    for (int number = 1; number <= lastChecked; number++) {
      LineKind kind = LineKind.of(lines.get(number - 1), number == 1);
      int count = perLine[number];
      String what = "line " + number + " (" + kind + ")";
      switch (kind) {
        case BLANK -> assertThat(count).as(what).isZero();
        case COMMENT -> assertThat(count).as(what).isLessThanOrEqualTo(1);
        case UNREADABLE -> assertThat(count).as(what).isEqualTo(1);
        case CONTENT -> assertThat(count).as(what).isPositive();
      }
    }
  }

  /** What a line promises: nothing, at most one invalid entry, exactly one, or at least one. */
  private enum LineKind {
    BLANK,
    COMMENT,
    UNREADABLE,
    CONTENT;

    static LineKind of(byte[] line, boolean first) {
      if (line.length > HostListReader.MAX_LINE_BYTES) {
        return UNREADABLE;
      }
      byte[] body = first && startsWithBom(line) ? Arrays.copyOfRange(line, 3, line.length) : line;
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
      } catch (CharacterCodingException e) {
        return UNREADABLE;
      }
      String content = text.replaceAll("^[ \t]+|[ \t]+$", "");
      if (content.isEmpty()) {
        return BLANK;
      }
      return content.startsWith("#") ? COMMENT : CONTENT;
    }

    private static boolean startsWithBom(byte[] line) {
      return line.length >= UTF8_BOM.length
          && Arrays.equals(Arrays.copyOf(line, UTF8_BOM.length), UTF8_BOM);
    }
  }

  /** Lines end at LF, a CR before it is dropped, and a last line without LF still counts. */
  private static List<byte[]> physicalLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      boolean end = i == bytes.length;
      if (end && start == bytes.length) {
        break;
      }
      if (end || bytes[i] == '\n') {
        int stop = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        lines.add(Arrays.copyOfRange(bytes, start, stop));
        start = i + 1;
      }
    }
    return lines;
  }
}
