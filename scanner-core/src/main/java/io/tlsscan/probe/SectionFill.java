package io.tlsscan.probe;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Section;
import java.util.function.Function;

/**
 * The record section a probe fills, and the section's value for the probe's result (the result may
 * hold more than the record shows, for the probes that require it).
 *
 * @param section the section of the record
 * @param value the section's value for a result
 * @param <R> the probe's result type
 * @param <S> the section's type
 */
public record SectionFill<R, S>(Section<S> section, Function<R, S> value) {
  public SectionFill {
    requireNonNull(section, "section");
    requireNonNull(value, "value");
  }

  /** A section that holds the result as it is. */
  public static <R> SectionFill<R, R> of(Section<R> section) {
    return new SectionFill<>(section, Function.identity());
  }
}
