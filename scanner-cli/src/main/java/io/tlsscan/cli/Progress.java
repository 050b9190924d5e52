package io.tlsscan.cli;

import io.tlsscan.model.HostReport;

/** Told about each record as it is written, for a live view of the scan on stderr. */
interface Progress extends AutoCloseable {

  void recorded(HostReport report);

  @Override
  void close();

  /** Shows nothing: for pipes, files and {@code --quiet}. */
  Progress NONE =
      new Progress() {
        @Override
        public void recorded(HostReport report) {}

        @Override
        public void close() {}
      };
}
