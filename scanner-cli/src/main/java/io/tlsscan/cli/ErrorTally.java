package io.tlsscan.cli;

import io.tlsscan.model.HostReport;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Failed records counted by error kind, for the summary and the progress line. Not thread-safe. */
final class ErrorTally {
  private final Map<String, Long> byKind = new TreeMap<>();

  /** Counts {@code report} when it failed; returns whether it did. */
  boolean add(HostReport report) {
    if (report.ok()) {
      return false;
    }
    byKind.merge(report.error().kind().wireName(), 1L, Long::sum);
    return true;
  }

  boolean isEmpty() {
    return byKind.isEmpty();
  }

  /** E.g. {@code 3 timeout, 2 not_tls}, kinds in alphabetical order. */
  @Override
  public String toString() {
    return byKind.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
