package io.tlsscan.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The report's {@code vulnerabilities} section: the verdict of each check that ran, in {@link
 * Weakness} order.
 *
 * @param verdicts the checks' verdicts
 */
public record Vulnerabilities(Map<Weakness, WeaknessVerdict> verdicts) {
  public Vulnerabilities {
    verdicts = Collections.unmodifiableMap(new EnumMap<>(verdicts));
  }

  /** The verdict of {@code weakness}, or {@code null} when it was not checked. */
  public WeaknessVerdict verdict(Weakness weakness) {
    return verdicts.get(weakness);
  }

  /** The problems found: flaws answered true and protections answered false. */
  public Map<Weakness, Boolean> problems() {
    Map<Weakness, Boolean> problems = new EnumMap<>(Weakness.class);
    verdicts.forEach(
        (weakness, verdict) -> {
          if (verdict instanceof WeaknessVerdict.Decided decided
              && weakness.isProblem(decided.value())) {
            problems.put(weakness, decided.value());
          }
        });
    return problems;
  }

  /** This section with {@code more} verdicts added (replacing any of the same check). */
  public Vulnerabilities with(Map<Weakness, WeaknessVerdict> more) {
    Map<Weakness, WeaknessVerdict> all = new EnumMap<>(Weakness.class);
    all.putAll(verdicts);
    all.putAll(more);
    return new Vulnerabilities(all);
  }
}
