package io.tlsscan.target;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;

/**
 * A {@link LineSource} as a Flux that reads only as far as downstream demand: one entry per
 * request, so a range that expands to thousands of targets is produced one target at a time.
 */
final class HostListFlux {
  private HostListFlux() {}

  /** Emits the source's entries; the source is closed on completion, error or cancellation. */
  static Flux<HostListEntry> of(Callable<LineSource> open, String sourceName) {
    return Flux.generate(
        () -> new Cursor(open.call()),
        (cursor, sink) -> cursor.emitNext(sink, sourceName),
        Cursor::close);
  }

  private static final class Cursor {
    private final LineSource source;
    private Iterator<HostListEntry> pending = Collections.emptyIterator();

    Cursor(LineSource source) {
      this.source = source;
    }

    Cursor emitNext(SynchronousSink<HostListEntry> sink, String sourceName) {
      try {
        while (!pending.hasNext()) {
          Stream<HostListEntry> line = source.nextLine();
          if (line == null) {
            sink.complete();
            return this;
          }
          pending = line.iterator();
        }
        sink.next(pending.next());
      } catch (IOException e) {
        sink.error(new HostListException("cannot read host list " + sourceName + ": " + e, e));
      }
      return this;
    }

    void close() {
      try {
        source.close();
      } catch (IOException e) {
        // Everything wanted was read or the reader gave up already; a failed close changes nothing.
      }
    }
  }
}
