package io.tlsscan.cli;

import io.tlsscan.model.HostReport;

/** Told about each record as it is written, for a live view of the scan on stderr. */
interface Progress extends AutoCloseable {

  void recorded(HostReport report);

  /** Records are about to be printed: take the line off a terminal they share. */
  void beforeRecords();

  /** The records printed so far have reached the output: the line may be drawn again. */
  void afterRecords();

  @Override
  void close();

  /** Shows nothing: for pipes, files and {@code --quiet}. */
  Progress NONE =
      new Progress() {
        @Override
        public void recorded(HostReport report) {}

        @Override
        public void beforeRecords() {}

        @Override
        public void afterRecords() {}

        @Override
        public void close() {}
      };
}
