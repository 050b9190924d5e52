package io.tlsscan.report.fleet;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.ScanRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the fleet's picture from records, one at a time. Memory is bounded: distinct issuers,
 * certificates and names are tracked up to {@value #DISTINCT_NAMES} each (the views say when more
 * were left out), and the host table keeps the {@code maxRows} worst hosts.
 */
public final class FleetStats {
  /** Rows of the host table unless told otherwise. */
  public static final int DEFAULT_MAX_ROWS = 5000;

  static final int DISTINCT_NAMES = 200_000;
  static final int SHOWN = 20;
  static final List<String> VERSIONS =
      List.of("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");

  /** Upper bounds (days left) of the expiry timeline's buckets; the last is open. */
  static final long[] EXPIRY_BOUNDS = {-1, 7, 30, 90, 180, 365};

  static final String[] EXPIRY_LABELS = {
    "expired", "≤ 7 d", "8–30 d", "31–90 d", "91–180 d", "181–365 d", "> 1 y"
  };

  long targets;
  long ok;
  long trusted;
  long untrusted;
  final CappedCounter<String> errorKinds = new CappedCounter<>(64);
  final long[] findingsBySeverity = new long[Severity.values().length];
  final long[] targetsByWorst = new long[Severity.values().length];
  final Map<String, Long> versions = new LinkedHashMap<>();
  final long[] expiry = new long[EXPIRY_LABELS.length];
  final CappedCounter<String> issuers = new CappedCounter<>(DISTINCT_NAMES);
  final CappedCounter<Shared> certificates = new CappedCounter<>(DISTINCT_NAMES);
  final CappedCounter<Shared> keys = new CappedCounter<>(DISTINCT_NAMES);
  final Bounded<HostRow> soonest = new Bounded<>(SHOWN, HostRow.BY_EXPIRY);
  private final Map<String, String> leafByName = new HashMap<>();
  final Map<String, Set<String>> splitNames = new LinkedHashMap<>();
  long untrackedNames;
  final Bounded<HostRow> worst;

  /** Stats whose host table keeps the {@code maxRows} worst hosts. */
  public FleetStats(int maxRows) {
    worst = new Bounded<>(maxRows, HostRow.WORST_FIRST);
    VERSIONS.forEach(v -> versions.put(v, 0L));
  }

  /**
   * A leaf certificate or key by fingerprint (its identity), with the subject of the first
   * certificate seen with it, to show.
   */
  record Shared(String sha256, String subject) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Shared c && c.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
      return sha256.hashCode();
    }
  }

  /** Adds one record. */
  public void add(ScanRecord record) {
    targets++;
    HostRow row = HostRow.of(record);
    worst.offer(row);
    if (!record.ok()) {
      errorKinds.add(record.error() == null ? "error" : String.valueOf(record.error().kind()));
      return;
    }
    ok++;
    if (record.trusted() != null) {
      if (record.trusted()) {
        trusted++;
      } else {
        untrusted++;
      }
    }
    record.findings().forEach(f -> findingsBySeverity[f.severity().ordinal()]++);
    Severity worstSeverity = record.worstSeverity();
    if (worstSeverity != null) {
      targetsByWorst[worstSeverity.ordinal()]++;
    }
    versions(record);
    ScanRecord.Certificate leaf = record.leaf();
    if (leaf == null) {
      return;
    }
    if (leaf.daysLeft() != null) {
      expiry[bucket(leaf.daysLeft())]++;
      if (leaf.daysLeft() <= 90) {
        soonest.offer(row);
      }
    }
    issuers.add(String.valueOf(leaf.issuer()));
    if (leaf.sha256() != null) {
      certificates.add(new Shared(leaf.sha256(), leaf.subject()));
      names(record.target(), leaf.sha256());
    }
    if (leaf.keySha256() != null) {
      keys.add(new Shared(leaf.keySha256(), leaf.subject()));
    }
  }

  /** How many records were added. */
  public long targets() {
    return targets;
  }

  /** Leaf certificates that expire within {@code days} days (or have expired). */
  long expiringWithin(long days) {
    long count = 0;
    for (int i = 0; i < EXPIRY_BOUNDS.length && EXPIRY_BOUNDS[i] <= days; i++) {
      count += expiry[i];
    }
    return count;
  }

  /** Certificates served by more than one target, most widely shared first. */
  List<Map.Entry<Shared, Long>> shared() {
    return certificates.top(SHOWN, 2);
  }

  /**
   * Keys whose certificates more than one target serves (the same certificate, or several that
   * share the key), most widely shared first.
   */
  List<Map.Entry<Shared, Long>> sharedKeys() {
    return keys.top(SHOWN, 2);
  }

  private void versions(ScanRecord record) {
    if (record.accepted() != null) {
      record.accepted().forEach(v -> versions.computeIfPresent(v, (k, n) -> n + 1));
    } else if (record.protocol() != null) {
      versions.computeIfPresent(record.protocol(), (k, n) -> n + 1);
    }
  }

  /** Remembers the leaf a host:port serves, to find names whose addresses serve different ones. */
  private void names(ScanRecord.Target target, String sha256) {
    String name = target.name();
    String first = leafByName.get(name);
    if (first == null) {
      if (leafByName.size() < DISTINCT_NAMES) {
        leafByName.put(name, sha256);
      } else {
        untrackedNames++;
      }
    } else if (!first.equals(sha256)
        && (splitNames.containsKey(name) || splitNames.size() < SHOWN * 5)) {
      splitNames.computeIfAbsent(name, n -> new TreeSet<>(Set.of(first))).add(sha256);
    }
  }

  private static int bucket(long daysLeft) {
    for (int i = 0; i < EXPIRY_BOUNDS.length; i++) {
      if (daysLeft <= EXPIRY_BOUNDS[i]) {
        return i;
      }
    }
    return EXPIRY_BOUNDS.length;
  }
}
