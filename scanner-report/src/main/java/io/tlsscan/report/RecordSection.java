package io.tlsscan.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One optional section of the record, filled by one probe: present when the probe completed, absent
 * when it failed (the failure goes to {@code probe_errors.<name>}) or did not run.
 *
 * <p>A probe may also own top-level keys of its own next to its section ({@code
 * server_cipher_order} belongs to {@code ciphers}): these {@linkplain Companion companions} are
 * written right after the section and are present exactly when it is.
 *
 * @param section the section's key in the record and in {@code probe_errors}
 * @param json maps a completed result to the section's JSON
 * @param companions further top-level keys the same result fills, in record order
 * @param undecided the parts of a completed result that could not be told, by part name, with why
 * @param <R> the probe's result type
 */
record RecordSection<R>(
    Section<R> section,
    Function<R, JsonNode> json,
    List<Companion<R>> companions,
    Function<R, Map<String, ProbeOutcome.Failed<?>>> undecided) {
  RecordSection {
    requireNonNull(section, "section");
    requireNonNull(json, "json");
    companions = List.copyOf(companions);
    requireNonNull(undecided, "undecided");
  }

  /** A section with companions and no undecided parts. */
  RecordSection(Section<R> section, Function<R, JsonNode> json, List<Companion<R>> companions) {
    this(section, json, companions, result -> Map.of());
  }

  /** A section that fills only its own key. */
  RecordSection(Section<R> section, Function<R, JsonNode> json) {
    this(section, json, List.of());
  }

  /** The section's key in the record and in {@code probe_errors}. */
  String name() {
    return section.name();
  }

  /**
   * A top-level key owned by a section's probe.
   *
   * @param key the key in the record
   * @param json maps the section's completed result to the key's value
   * @param <R> the probe's result type
   */
  record Companion<R>(String key, Function<R, JsonNode> json) {
    Companion {
      requireNonNull(key, "key");
      requireNonNull(json, "json");
    }
  }

  /** Puts the section and its companions into {@code record} when the probe completed. */
  void writeTo(ObjectNode record, HostReport report) {
    if (report.section(section) instanceof ProbeOutcome.Completed<R> completed) {
      R result = completed.result();
      record.set(name(), json.apply(result));
      companions.forEach(companion -> record.set(companion.key(), companion.json().apply(result)));
    }
  }

  /**
   * What goes into {@code probe_errors} for this section: {@code <name>} with the failure when its
   * probe failed; when it completed, {@code <name>.<part>} for each part of it that is {@code null}
   * because the probe could not tell (the checks of {@code vulnerabilities}).
   */
  Map<String, ProbeOutcome.Failed<?>> failures(HostReport report) {
    ProbeOutcome<R> outcome = report.section(section);
    if (outcome instanceof ProbeOutcome.Failed<R> failed) {
      return Map.of(name(), failed);
    }
    if (outcome instanceof ProbeOutcome.Completed<R> completed) {
      Map<String, ProbeOutcome.Failed<?>> parts = new LinkedHashMap<>();
      undecided
          .apply(completed.result())
          .forEach((part, why) -> parts.put(name() + "." + part, why));
      return parts;
    }
    return Map.of();
  }
}
