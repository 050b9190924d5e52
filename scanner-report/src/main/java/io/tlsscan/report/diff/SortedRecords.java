package io.tlsscan.report.diff;

import static java.util.Objects.requireNonNull;

import io.tlsscan.report.saved.RecordLine;
import io.tlsscan.report.saved.RecordReader;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The records of a saved scan in {@link TargetKey} order (then by line), by an external merge sort:
 * the file is read once, in chunks of at most {@code chunkChars} characters of records, each chunk
 * sorted and written to a temporary run file; the runs are then merged as they are read. Memory
 * holds one chunk while reading, and one record per run while merging. A file that fits in one
 * chunk is never written out. Lines that are not records are handed to {@code malformed} and left
 * out.
 */
final class SortedRecords implements Closeable {
  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::key).thenComparingLong(Entry::line);

  /** One record: its key, line number and text as written. */
  record Entry(TargetKey key, long line, String text) {}

  private final Path tempDir;
  private final List<Run> runs = new ArrayList<>();
  private final PriorityQueue<Run> heads =
      new PriorityQueue<>(Comparator.comparing(Run::head, ORDER));
  private Iterator<Entry> inMemory;
  private long records;

  /**
   * Reads and sorts {@code reader}'s records.
   *
   * @param tempDir where run files go (a fresh directory inside it, removed on close)
   * @param malformed told {@code NAME:LINE: problem} for each line that is not a record
   */
  SortedRecords(RecordReader reader, Path tempDir, long chunkChars, Consumer<String> malformed)
      throws IOException {
    this.tempDir = Files.createTempDirectory(requireNonNull(tempDir, "tempDir"), "tlsscan-sort-");
    List<Entry> chunk = new ArrayList<>();
    long chars = 0;
    RecordLine line;
    while ((line = reader.next()) != null) {
      if (line instanceof RecordLine.Malformed bad) {
        malformed.accept(reader.name() + ":" + bad.number() + ": " + bad.problem());
        continue;
      }
      RecordLine.Parsed parsed = (RecordLine.Parsed) line;
      records++;
      chunk.add(new Entry(TargetKey.of(parsed.record().target()), parsed.number(), parsed.text()));
      chars += parsed.text().length();
      if (chars >= chunkChars) {
        runs.add(Run.write(chunk, this.tempDir.resolve("run-" + runs.size())));
        chunk.clear();
        chars = 0;
      }
    }
    if (runs.isEmpty()) {
      chunk.sort(ORDER);
      inMemory = chunk.iterator();
      return;
    }
    if (!chunk.isEmpty()) {
      runs.add(Run.write(chunk, this.tempDir.resolve("run-" + runs.size())));
    }
    for (Run run : runs) {
      if (run.advance()) {
        heads.add(run);
      }
    }
  }

  /** How many records the file held. */
  long records() {
    return records;
  }

  /** The next record in order, or {@code null} after the last. */
  Entry next() throws IOException {
    if (inMemory != null) {
      return inMemory.hasNext() ? inMemory.next() : null;
    }
    Run run = heads.poll();
    if (run == null) {
      return null;
    }
    Entry entry = run.head();
    if (run.advance()) {
      heads.add(run);
    }
    return entry;
  }

  @Override
  public void close() throws IOException {
    for (Run run : runs) {
      run.close();
    }
    try (var files = Files.list(tempDir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(tempDir);
  }

  /** A sorted run file, read one entry ahead. */
  private static final class Run implements Closeable {
    private final DataInputStream in;
    private Entry head;

    private Run(DataInputStream in) {
      this.in = in;
    }

    static Run write(List<Entry> chunk, Path file) throws IOException {
      chunk.sort(ORDER);
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        for (Entry entry : chunk) {
          writeText(out, entry.key().group());
          writeText(out, entry.key().ip());
          out.writeLong(entry.line());
          writeText(out, entry.text());
        }
      }
      return new Run(
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
    }

    Entry head() {
      return head;
    }

    /** Reads the next entry into {@link #head}; false at the end of the run. */
    boolean advance() throws IOException {
      String group;
      try {
        group = readText(in);
      } catch (EOFException end) {
        head = null;
        return false;
      }
      head = new Entry(new TargetKey(group, readText(in)), in.readLong(), readText(in));
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
