package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import java.util.function.Function;

/**
 * One optional section of the record, filled by one probe: present when the probe completed,
 * absent when it failed (the failure goes to {@code probe_errors.<name>}) or did not run.
 *
 * @param name the section's key in the record and in {@code probe_errors}
 * @param outcome reads the probe's outcome from a report
 * @param json maps a completed result to the section's JSON
 * @param <R> the probe's result type
 */
record RecordSection<R>(
    String name, Function<HostReport, ProbeOutcome<R>> outcome, Function<R, JsonNode> json) {
  RecordSection {
    requireNonNull(name, "name");
    requireNonNull(outcome, "outcome");
    requireNonNull(json, "json");
  }

  /** The section's JSON when its probe completed, else {@code null}. */
  JsonNode completedJson(HostReport report) {
    return outcome.apply(report) instanceof ProbeOutcome.Completed<R> completed
        ? json.apply(completed.result())
        : null;
  }

  /** The failure when its probe failed, else {@code null}. */
  ProbeOutcome.Failed<R> failure(HostReport report) {
    return outcome.apply(report) instanceof ProbeOutcome.Failed<R> failed ? failed : null;
  }
}
