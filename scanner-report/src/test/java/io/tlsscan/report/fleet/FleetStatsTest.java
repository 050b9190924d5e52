package io.tlsscan.report.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.report.saved.SampleRecords;
import io.tlsscan.report.saved.ScanRecord;
import org.junit.jupiter.api.Test;

class FleetStatsTest {
  private final FleetStats stats = new FleetStats(10);

  private void add(SampleRecords record) {
    stats.add(ScanRecord.of(record.tree()));
  }

  @Test
  void expiringCertificatesAreCountedWithin7And30And90Days() {
    add(SampleRecords.ok("expired.test").cert("e1", "CN=CA", "2026-01-01T00:00:00.000Z", -2));
    add(SampleRecords.ok("week.test").cert("w1", "CN=CA", "2026-12-01T00:00:00.000Z", 5));
    add(SampleRecords.ok("month.test").cert("m1", "CN=CA", "2026-12-20T00:00:00.000Z", 25));
    add(SampleRecords.ok("later.test").cert("l1", "CN=CA", "2027-12-01T00:00:00.000Z", 400));

    assertThat(stats.expiry[0]).isEqualTo(1);
    assertThat(stats.expiringWithin(7)).isEqualTo(2);
    assertThat(stats.expiringWithin(30)).isEqualTo(3);
    assertThat(stats.expiringWithin(90)).isEqualTo(3);
    assertThat(FleetSummary.text(stats))
        .contains("certificates expired: 1; expiring within 7 days: 1, 30 days: 2, 90 days: 2");
  }

  @Test
  void sharedCertificatesAndNamesWithDifferentChains() {
    for (String host : new String[] {"a.test", "b.test", "c.test"}) {
      add(SampleRecords.ok(host).cert("same", "CN=CA", "2027-12-01T00:00:00.000Z", 400));
    }
    add(
        SampleRecords.at("lb.test", "10.0.0.1")
            .cert("one", "CN=CA", "2027-12-01T00:00:00.000Z", 400));
    add(
        SampleRecords.at("lb.test", "10.0.0.2")
            .cert("two", "CN=CA", "2027-12-01T00:00:00.000Z", 400));
    add(
        SampleRecords.at("lb.test", "10.0.0.3")
            .cert("one", "CN=CA", "2027-12-01T00:00:00.000Z", 400));

    assertThat(stats.shared()).hasSize(2);
    assertThat(stats.shared().get(0).getKey().sha256()).isEqualTo("same");
    assertThat(stats.shared().get(0).getValue()).isEqualTo(3);
    assertThat(stats.splitNames).containsOnlyKeys("lb.test:443");
    assertThat(stats.splitNames.get("lb.test:443")).containsExactly("one", "two");
    assertThat(FleetSummary.text(stats))
        .contains("  3 targets  CN=a.test  same\n", "  lb.test:443  one two\n");
  }

  @Test
  void keysServedByManyTargetsUnderDifferentCertificates() {
    // Given two renewals of one key on two hosts, another key on a third, an old record without one
    add(SampleRecords.ok("a.test").cert("c1", "CN=CA", "2027-12-01T00:00:00.000Z", 400).keySha256("k1"));
    add(SampleRecords.ok("b.test").cert("c2", "CN=CA", "2027-12-01T00:00:00.000Z", 400).keySha256("k1"));
    add(SampleRecords.ok("c.test").cert("c3", "CN=CA", "2027-12-01T00:00:00.000Z", 400).keySha256("k2"));
    add(SampleRecords.ok("d.test").cert("c4", "CN=CA", "2027-12-01T00:00:00.000Z", 400));

    // Then the key shows up though no certificate is shared
    assertThat(stats.shared()).isEmpty();
    assertThat(stats.sharedKeys())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKey().sha256()).isEqualTo("k1");
              assertThat(e.getValue()).isEqualTo(2);
            });
    assertThat(FleetSummary.text(stats))
        .contains(
            "the same certificate on several targets: none\n",
            "the same key on several targets:\n  2 targets  CN=a.test  k1\n");
  }
}
