package io.tlsscan.report.saved;

import com.fasterxml.jackson.databind.JsonNode;

/** One non-blank line of a saved scan, by its 1-based line number. */
public sealed interface RecordLine {
  long number();

  /** A record: the line as written, its JSON tree and its facts. */
  record Parsed(long number, String text, JsonNode tree, ScanRecord record) implements RecordLine {}

  /** A line that is not a record, and why, e.g. {@code not JSON: Unexpected end-of-input}. */
  record Malformed(long number, String problem) implements RecordLine {}
}
