package io.tlsscan.report;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The digest of a {@code ciphers} section that the flat views show: how many suites each version
 * accepts, and which suites are weak or insecure. A suite accepted under several versions counts
 * once per version but is named once.
 *
 * @param countByVersion suites per accepted version, in the section's order
 * @param insecure names of the {@code insecure} suites ({@link CipherInfo#displayName()}), first
 *     seen first
 * @param weak names of the {@code weak} suites ({@link CipherInfo#displayName()}), first seen first
 * @param anyStrong whether some suite is {@code strong}
 */
record CipherTally(
    Map<String, Integer> countByVersion,
    Set<String> insecure,
    Set<String> weak,
    boolean anyStrong) {
  static final String INSECURE = "insecure";
  static final String WEAK = "weak";
  static final String STRONG = "strong";

  CipherTally {
    countByVersion = Collections.unmodifiableMap(new LinkedHashMap<>(countByVersion));
    insecure = Collections.unmodifiableSet(new LinkedHashSet<>(insecure));
    weak = Collections.unmodifiableSet(new LinkedHashSet<>(weak));
  }

  /** The digest of one section. */
  static CipherTally of(CipherSupport ciphers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Set<String> insecure = new LinkedHashSet<>();
    Set<String> weak = new LinkedHashSet<>();
    boolean anyStrong = false;
    for (Map.Entry<String, List<CipherInfo>> version : ciphers.byVersion().entrySet()) {
      counts.put(version.getKey(), version.getValue().size());
      for (CipherInfo suite : version.getValue()) {
        switch (suite.strength()) {
          case INSECURE -> insecure.add(suite.displayName());
          case WEAK -> weak.add(suite.displayName());
          case STRONG -> anyStrong = true;
          default -> {
            // Not one of the documented strengths: it is neither counted nor ranked.
          }
        }
      }
    }
    return new CipherTally(counts, insecure, weak, anyStrong);
  }

  /**
   * {@code insecure}, {@code weak} or {@code strong}: the strength of the worst suite accepted;
   * {@code null} when no suite was accepted.
   */
  String weakest() {
    if (!insecure.isEmpty()) {
      return INSECURE;
    }
    if (!weak.isEmpty()) {
      return WEAK;
    }
    return anyStrong ? STRONG : null;
  }
}
