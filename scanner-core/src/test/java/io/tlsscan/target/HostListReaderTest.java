package io.tlsscan.target;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class HostListReaderTest {
  private final HostListReader reader = new HostListReader();

  private List<HostListEntry> readAll(byte[] bytes) {
    return reader.read(new ByteArrayInputStream(bytes), "test").collectList().block();
  }

  private List<HostListEntry> readAll(String text) {
    return readAll(text.getBytes(UTF_8));
  }

  private static String describe(HostListEntry entry) {
    if (entry instanceof Target) {
      Target target = (Target) entry;
      return target.line() + " " + target.host() + ":" + target.port();
    }
    InvalidTarget invalid = (InvalidTarget) entry;
    return invalid.line() + " invalid: " + invalid.reason();
  }

  @Test
  void linesAreNumberedPhysicallyIncludingBlankAndCommentLines() {
    List<HostListEntry> entries =
        readAll("# fleet\n\na.example\n  # staging\nb.example:8443,993 # two ports\nbad:0\n");

    assertThat(entries)
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "3 a.example:443",
            "5 b.example:8443",
            "5 b.example:993",
            "6 invalid: port \"0\" out of range 1-65535");
  }

  @Test
  void crlfLineEndingsAndALastLineWithoutNewline() {
    assertThat(readAll("a.example\r\n\r\nb.example:8443\r\nc.example"))
        .extracting(HostListReaderTest::describe)
        .containsExactly("1 a.example:443", "3 b.example:8443", "4 c.example:443");
  }

  @Test
  void byteOrderMarkOnTheFirstLineIsIgnored() {
    assertThat(readAll("\uFEFFa.example\nb.example\n"))
        .extracting(HostListReaderTest::describe)
        .containsExactly("1 a.example:443", "2 b.example:443");
    assertThat(readAll("\uFEFF# only a comment\r\n")).isEmpty();
  }

  @Test
  void emptyInputGivesNothing() {
    assertThat(readAll("")).isEmpty();
    assertThat(readAll("\n\n\r\n")).isEmpty();
  }

  @Test
  void lineOfOneMegabyteIsReportedAndSkippedWithoutStoppingTheList() {
    // Given a 1 MB line between two good ones
    String huge = "x".repeat(1 << 20);

    // When the list is read
    List<HostListEntry> entries = readAll("a.example\n" + huge + "\r\nb.example\n");

    // Then the long line is one invalid entry with a short input, and reading goes on
    assertThat(entries)
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "1 a.example:443", "2 invalid: line longer than 4096 bytes", "3 b.example:443");
    assertThat(entries.get(1).input()).hasSizeLessThanOrEqualTo(200).startsWith("xxx");
  }

  @Test
  void lineLimitIsExactly4096BytesWithoutTheTerminator() {
    String longest = "# " + "x".repeat(4094);
    String oneMore = longest + "x";

    assertThat(readAll(longest + "\r\n" + longest + "\n" + longest)).isEmpty();
    assertThat(readAll(oneMore + "\r\n" + oneMore))
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "1 invalid: line longer than 4096 bytes", "2 invalid: line longer than 4096 bytes");
  }

  @Test
  void invalidUtf8IsReportedPerLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a.example\n".getBytes(UTF_8));
    bytes.writeBytes(new byte[] {'b', (byte) 0xff, (byte) 0xfe, '.', 'x', '\n'});
    bytes.writeBytes(new byte[] {(byte) 0xc0, (byte) 0xae, '\n'}); // overlong "."
    bytes.writeBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'}); // surrogate
    bytes.writeBytes("bücher.example\n".getBytes(UTF_8));

    List<HostListEntry> entries = readAll(bytes.toByteArray());

    assertThat(entries)
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "1 a.example:443",
            "2 invalid: line is not valid UTF-8",
            "3 invalid: line is not valid UTF-8",
            "4 invalid: line is not valid UTF-8",
            "5 xn--bcher-kva.example:443");
    assertThat(entries.get(1).input()).isEqualTo("b\uFFFD\uFFFD.x");
  }

  @Test
  void nulAndOtherControlBytesAreNamed() {
    byte[] bytes = "a.exa\u0000mple\nb.example\rc.example\n\u0007\n".getBytes(UTF_8);

    List<HostListEntry> entries = readAll(bytes);

    assertThat(entries)
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "1 invalid: control character 0x00 at column 6",
            "2 invalid: control character 0x0D at column 10",
            "3 invalid: control character 0x07 at column 1");
    assertThat(entries.get(0).input()).isEqualTo("a.exa\\x00mple");
  }

  @Test
  void readsOnlyAsFarAsDemanded() throws InterruptedException {
    // Given an endless host list
    EndlessHostList endless = new EndlessHostList();

    // When ten entries are taken
    StepVerifier.create(reader.read(endless, "endless").take(10))
        .expectNextCount(10)
        .verifyComplete();

    // Then reading stopped after a few chunks and the stream was closed
    assertThat(endless.bytesRead).isLessThan(64 * 1024);
    assertClosedSoon(endless);
  }

  @Test
  void requestsAreHonouredOneAtATime() throws InterruptedException {
    EndlessHostList endless = new EndlessHostList();

    StepVerifier.create(reader.read(endless, "endless"), 0)
        .expectSubscription()
        .thenRequest(1)
        .assertNext(entry -> assertThat(describe(entry)).isEqualTo("1 host1.example:443"))
        .thenRequest(2)
        .assertNext(entry -> assertThat(describe(entry)).isEqualTo("2 host2.example:443"))
        .assertNext(entry -> assertThat(describe(entry)).isEqualTo("3 host3.example:443"))
        .thenCancel()
        .verify();

    assertClosedSoon(endless);
  }

  @Test
  void hundredThousandLinesStreamThrough() {
    // Given 100 000 lines produced on the fly, never held as a whole
    EndlessHostList list = new EndlessHostList(100_000);

    // When all are read, counting instead of collecting
    Long count = reader.read(list, "generated").count().block();

    // Then every line became one target, the last with the last line number
    assertThat(count).isEqualTo(100_000);
    assertThat(reader.read(new EndlessHostList(100_000), "generated").last().block())
        .extracting(HostListReaderTest::describe)
        .isEqualTo("100000 host100000.example:443");
  }

  @Test
  void readErrorEndsTheFluxNamingTheSource() {
    InputStream failing =
        new InputStream() {
          private int calls;

          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (calls++ > 0) {
              throw new IOException("disk on fire");
            }
            byte[] line = "a.example\nb.exa".getBytes(UTF_8);
            System.arraycopy(line, 0, b, off, line.length);
            return line.length;
          }
        };

    StepVerifier.create(reader.read(failing, "hosts.txt"))
        .assertNext(entry -> assertThat(describe(entry)).isEqualTo("1 a.example:443"))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(HostListException.class)
                    .hasMessageContaining("hosts.txt")
                    .hasMessageContaining("disk on fire"))
        .verify();
  }

  @Test
  void readsAFileAndClosesIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("hosts.txt");
    Files.writeString(file, "a.example\n[2001:db8::1]:8443 # v6\n");

    assertThat(reader.read(file).collectList().block())
        .extracting(HostListReaderTest::describe)
        .containsExactly("1 a.example:443", "2 2001:db8::1:8443");
    Files.delete(file);
  }

  @Test
  void missingFileFailsWhenOpenedNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("nope.txt");

    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(HostListException.class)
        .hasMessage("host list " + missing + " does not exist");
    assertThatThrownBy(() -> reader.read(dir))
        .isInstanceOf(HostListException.class)
        .hasMessage("host list " + dir + " is a directory");
  }

  @Test
  void argumentsAreNumberedByPosition() {
    Flux<HostListEntry> entries =
        reader.fromArguments(List.of("a.example", "", "b.example:1,2", "10.0.0.0/31", "x:0"));

    assertThat(entries.collectList().block())
        .extracting(HostListReaderTest::describe)
        .containsExactly(
            "1 a.example:443",
            "3 b.example:1",
            "3 b.example:2",
            "4 10.0.0.0:443",
            "4 10.0.0.1:443",
            "5 invalid: port \"0\" out of range 1-65535");
  }

  @Test
  void argumentsUseTheStarttlsProtocolsDefaultPort() {
    assertThat(
            new HostListReader(new TargetParser(StarttlsMode.parse("imap")))
                .fromArguments(List.of("a.example"))
                .blockFirst())
        .extracting(HostListReaderTest::describe)
        .isEqualTo("1 a.example:143");
  }

  /** {@code hostN.example} lines for N = 1, 2, ... up to a limit, generated as they are read. */
  /**
   * Waits for the reader to close {@code list}: after a cancel, the reading thread closes it once
   * its current read returns, which may be just after the subscriber has gone.
   */
  private static void assertClosedSoon(EndlessHostList list) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!list.closed && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(list.closed).as("host list closed within 5 s").isTrue();
  }

  private static final class EndlessHostList extends InputStream {
    private final long lines;
    private long line;
    private byte[] current = new byte[0];
    private int position;
    volatile long bytesRead;
    volatile boolean closed;

    EndlessHostList() {
      this(Long.MAX_VALUE);
    }

    EndlessHostList(long lines) {
      this.lines = lines;
    }

    @Override
    public int read() {
      if (position == current.length) {
        if (line == lines) {
          return -1;
        }
        line++;
        current = ("host" + line + ".example\n").getBytes(UTF_8);
        position = 0;
      }
      bytesRead++;
      return current[position++];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int count = 0;
      while (count < len) {
        int next = read();
        if (next < 0) {
          break;
        }
        b[off + count++] = (byte) next;
      }
      return count == 0 && len > 0 ? -1 : count;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
