package io.tlsscan.target;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a host list as {@link HostListEntry entries}, in order, one line at a time: memory stays
 * bounded however long the list is, and lines are read only as fast as downstream requests them.
 *
 * <p>Bytes are read as UTF-8 lines ending in LF or CRLF (the last line needs no newline). A UTF-8
 * byte-order mark on the first line is ignored. A line longer than {@value #MAX_LINE_BYTES} bytes,
 * a line that is not valid UTF-8 and a line with control characters (NUL included) each give one
 * {@link InvalidTarget}; the rest of an overlong line is skipped without being buffered. Line
 * numbers are 1-based physical line numbers, blank and comment lines included.
 */
public final class HostListReader {
  /** Longest line read, in bytes without the line terminator. */
  public static final int MAX_LINE_BYTES = TargetParser.MAX_LINE_CHARS;

  /** Entries a stream reader parses ahead of demand. */
  private static final int READ_AHEAD = 256;

  private final TargetParser parser;

  /** A reader using the default {@link TargetParser} (port 443, {@code --starttls auto}). */
  public HostListReader() {
    this(new TargetParser());
  }

  public HostListReader(TargetParser parser) {
    this.parser = requireNonNull(parser, "parser");
  }

  /**
   * The entries of a host-list file. The file is opened now, so a missing or unreadable file fails
   * here rather than in the stream; it is closed when the stream completes, fails or is cancelled.
   * Subscribe once.
   *
   * @throws HostListException if the file does not exist, is a directory or cannot be opened
   */
  public Flux<HostListEntry> read(Path file) {
    requireNonNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new HostListException("host list " + file + " is a directory", null);
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new HostListException("host list " + file + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new HostListException("host list " + file + " is not readable: permission denied", e);
    } catch (IOException e) {
      throw new HostListException("cannot open host list " + file + ": " + e, e);
    }
    return read(in, file.toString());
  }

  /**
   * The entries of a host list read from a stream, such as standard input. Reading blocks, so it
   * runs on {@link Schedulers#boundedElastic()}, up to {@value #READ_AHEAD} entries ahead of
   * demand; entries are emitted on that thread or on the thread that asks for more (demand is
   * passed to the reader in batches, not one entry at a time across threads). The stream is closed
   * when the Flux completes, fails or is cancelled. Subscribe once. A read error ends the Flux with
   * a {@link HostListException} naming {@code sourceName}.
   *
   * @param sourceName how to name the source in error messages, e.g. a path or {@code stdin}
   */
  public Flux<HostListEntry> read(InputStream in, String sourceName) {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    return HostListFlux.of(() -> new ByteLineSource(in, parser), sourceName)
        .subscribeOn(Schedulers.boundedElastic())
        .limitRate(READ_AHEAD);
  }

  /**
   * The entries of targets given as command-line arguments; the line number of each entry is the
   * argument's position, starting at 1. Blank and comment arguments give nothing.
   */
  public Flux<HostListEntry> fromArguments(List<String> arguments) {
    List<String> lines = List.copyOf(arguments);
    return HostListFlux.of(() -> new ArgumentLines(lines, parser), "arguments");
  }

  private static final class ArgumentLines implements LineSource {
    private final List<String> arguments;
    private final TargetParser parser;
    private int next;

    ArgumentLines(List<String> arguments, TargetParser parser) {
      this.arguments = arguments;
      this.parser = parser;
    }

    @Override
    public Stream<HostListEntry> nextLine() {
      if (next == arguments.size()) {
        return null;
      }
      next++;
      return parser.parse(arguments.get(next - 1), next);
    }
  }
}
