package io.tlsscan.model;

import static java.util.Objects.requireNonNull;

/**
 * The key of one optional section of a {@link HostReport}, typed by the value it holds.
 *
 * @param name the section's key in the record and in {@code probe_errors}, e.g. {@code protocols}
 * @param <S> the section's value
 */
public record Section<S>(String name) {
  public Section {
    requireNonNull(name, "name");
  }
}
