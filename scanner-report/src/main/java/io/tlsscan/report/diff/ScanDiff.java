package io.tlsscan.report.diff;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.report.saved.RecordReader;
import io.tlsscan.report.saved.ScanRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compares two saved scans target by target: both are {@linkplain SortedRecords sorted} by {@link
 * TargetKey} on disk, then merged in one pass, so memory does not grow with the scans. Records with
 * the same host, port and STARTTLS protocol are paired by address first (an {@code --all-ips} scan
 * has one record per address), then in order; a record left over appeared or vanished.
 *
 * <pre>{@code
 * ScanDiff.Tally tally = new ScanDiff(tempDir, problems::add).compare(oldScan, newScan, writer);
 * }</pre>
 */
public final class ScanDiff {
  /** Characters of records one sort chunk holds: about 64 MiB of heap for ASCII records. */
  public static final long DEFAULT_CHUNK_CHARS = 48L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path tempDir;
  private final long chunkChars;
  private final Consumer<String> malformed;

  /**
   * @param tempDir where the sort's run files go
   * @param malformed told {@code FILE:LINE: problem} for each line that is not a record
   */
  public ScanDiff(Path tempDir, Consumer<String> malformed) {
    this(tempDir, DEFAULT_CHUNK_CHARS, malformed);
  }

  ScanDiff(Path tempDir, long chunkChars, Consumer<String> malformed) {
    this.tempDir = requireNonNull(tempDir, "tempDir");
    this.chunkChars = chunkChars;
    this.malformed = requireNonNull(malformed, "malformed");
  }

  /** How many records each scan held, and how many targets changed. */
  public record Tally(long oldRecords, long newRecords, long changed) {}

  /**
   * Hands {@code changed} one {@link TargetDiff} per target that changed, in target order.
   *
   * @throws IOException naming the file when one cannot be read, or the temporary directory when
   *     the sort cannot write there, or when {@code changed} fails
   */
  public Tally compare(Path oldScan, Path newScan, DiffWriter changed) throws IOException {
    try (SortedRecords was = sorted(oldScan);
        SortedRecords now = sorted(newScan)) {
      long count = 0;
      SortedRecords.Entry a = was.next();
      SortedRecords.Entry b = now.next();
      while (a != null || b != null) {
        int order = a == null ? 1 : b == null ? -1 : a.key().group().compareTo(b.key().group());
        String group = order <= 0 ? a.key().group() : b.key().group();
        List<ScanRecord> before = new ArrayList<>();
        List<ScanRecord> after = new ArrayList<>();
        while (a != null && a.key().group().equals(group)) {
          before.add(record(a));
          a = was.next();
        }
        while (b != null && b.key().group().equals(group)) {
          after.add(record(b));
          b = now.next();
        }
        for (TargetDiff diff : pair(before, after)) {
          changed.write(diff);
          count++;
        }
      }
      return new Tally(was.records(), now.records(), count);
    }
  }

  private SortedRecords sorted(Path scan) throws IOException {
    try (RecordReader reader = RecordReader.open(scan)) {
      return new SortedRecords(reader, tempDir, chunkChars, malformed);
    }
  }

  /** The diffs of one host:port: same addresses first, then the rest in order. */
  private static List<TargetDiff> pair(List<ScanRecord> before, List<ScanRecord> after) {
    List<TargetDiff> diffs = new ArrayList<>();
    List<ScanRecord> unmatched = new ArrayList<>(after);
    List<ScanRecord> left = new ArrayList<>();
    for (ScanRecord was : before) {
      ScanRecord now =
          unmatched.stream()
              .filter(r -> r.target().ip() != null && r.target().ip().equals(was.target().ip()))
              .findFirst()
              .orElse(null);
      if (now == null) {
        left.add(was);
      } else {
        unmatched.remove(now);
        compare(was, now, diffs);
      }
    }
    int paired = Math.min(left.size(), unmatched.size());
    for (int i = 0; i < paired; i++) {
      compare(left.get(i), unmatched.get(i), diffs);
    }
    for (ScanRecord was : left.subList(paired, left.size())) {
      diffs.add(new TargetDiff(was.target(), List.of(new Change.Vanished())));
    }
    for (ScanRecord now : unmatched.subList(paired, unmatched.size())) {
      diffs.add(new TargetDiff(now.target(), RecordComparison.appeared(now)));
    }
    return diffs;
  }

  private static void compare(ScanRecord was, ScanRecord now, List<TargetDiff> diffs) {
    List<Change> changes = RecordComparison.between(was, now);
    if (!changes.isEmpty()) {
      diffs.add(new TargetDiff(now.target(), changes));
    }
  }

  /** The facts of a sorted entry; its line parsed as a record when it was first read. */
  private static ScanRecord record(SortedRecords.Entry entry) throws IOException {
    return ScanRecord.of(JSON.readTree(entry.text()));
  }
}
