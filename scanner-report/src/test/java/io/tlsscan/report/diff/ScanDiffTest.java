package io.tlsscan.report.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.Severity;
import io.tlsscan.report.saved.SampleRecords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanDiffTest {
  @TempDir Path dir;
  private final List<String> problems = new ArrayList<>();

  private List<TargetDiff> diff(List<?> was, List<?> now) throws IOException {
    return diff(was, now, ScanDiff.DEFAULT_CHUNK_CHARS);
  }

  private List<TargetDiff> diff(List<?> was, List<?> now, long chunkChars) throws IOException {
    Path oldScan = write("old.jsonl", was);
    Path newScan = write("new.jsonl", now);
    List<TargetDiff> diffs = new ArrayList<>();
    new ScanDiff(dir, chunkChars, problems::add).compare(oldScan, newScan, diffs::add);
    return diffs;
  }

  private Path write(String name, List<?> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, lines.stream().map(Object::toString).toList());
    return file;
  }

  private static List<String> kinds(TargetDiff diff) {
    return diff.changes().stream().map(Change::kind).toList();
  }

  @Test
  void sameScanTwiceHasNoChanges() throws IOException {
    // Given the same three targets, listed in another order and on other lines
    var was =
        List.of(
            SampleRecords.ok("a.test").line(1),
            SampleRecords.ok("b.test").line(2),
            SampleRecords.ok("c.test").line(3));
    var now =
        List.of(
            SampleRecords.ok("c.test").line(9),
            SampleRecords.ok("a.test").line(7),
            SampleRecords.ok("b.test").line(8));

    // Then nothing changed
    assertThat(diff(was, now)).as("diffs of identical scans").isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void newFindingsAreWorseFromTheThresholdAndResolvedOnesAreListed() throws IOException {
    var was = List.of(SampleRecords.ok("a.test").finding("cert.lint.missing_ski", "low"));
    var now =
        List.of(
            SampleRecords.ok("a.test").finding("proto.tls10", "high").finding("weak.low", "low"));

    TargetDiff diff = diff(was, now).get(0);

    assertThat(kinds(diff)).containsExactly("finding_new", "finding_new", "finding_resolved");
    assertThat(diff.worse(Severity.HIGH)).as("a new high finding at --fail-on high").isTrue();
    assertThat(diff.worse(Severity.CRITICAL)).as("nothing critical is new").isFalse();
  }

  @Test
  void aRotatedCertificateSaysWhatMoved() throws IOException {
    var was = List.of(SampleRecords.ok("a.test"), SampleRecords.ok("b.test"));
    var now =
        List.of(
            SampleRecords.ok("a.test").cert("bb22", "CN=New CA", "2028-01-01T00:00:00.000Z", 700),
            SampleRecords.ok("b.test").cert("aa11", "CN=Old CA", "2027-01-01T00:00:00.000Z", 399));

    List<TargetDiff> diffs = diff(was, now);

    assertThat(diffs).hasSize(1).as("days_left counting down is no change");
    var rotated = (Change.CertificateRotated) diffs.get(0).changes().get(0);
    assertThat(rotated.moved()).containsExactly("sha256", "issuer", "not_after");
    assertThat(rotated.now().issuer()).isEqualTo("CN=New CA");
    assertThat(diffs.get(0).worse(Severity.INFO)).isFalse();
  }

  @Test
  void versionsAndSuitesAddedAndRemoved() throws IOException {
    var was = List.of(SampleRecords.ok("a.test"));
    var now =
        List.of(
            SampleRecords.ok("a.test")
                .protocols("TLSv1.0", "TLSv1.2")
                .ciphers(
                    "TLSv1.0 TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));

    TargetDiff diff = diff(was, now).get(0);

    assertThat(diff.changes())
        .containsExactly(
            new Change.ProtocolAdded("TLSv1.0"),
            new Change.ProtocolRemoved("TLSv1.3"),
            new Change.CipherAdded("TLSv1.0", "TLS_RSA_WITH_AES_128_CBC_SHA"),
            new Change.CipherRemoved("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
  }

  @Test
  void targetsThatAppearVanishFailOrRecover() throws IOException {
    var was =
        List.of(
            SampleRecords.ok("gone.test"),
            SampleRecords.ok("breaks.test").finding("cert.lint.underscore", "low"),
            SampleRecords.ok("heals.test").failing("timeout"));
    var now =
        List.of(
            SampleRecords.ok("breaks.test").failing("refused"),
            SampleRecords.ok("heals.test").finding("proto.tls10", "high"),
            SampleRecords.ok("new.test"),
            SampleRecords.ok("new-broken.test").failing("dns"));

    var byHost = diff(was, now).stream().collect(Collectors.toMap(d -> d.target().host(), d -> d));

    assertThat(kinds(byHost.get("gone.test"))).containsExactly("vanished");
    assertThat(kinds(byHost.get("breaks.test"))).containsExactly("started_failing");
    assertThat(kinds(byHost.get("heals.test"))).containsExactly("recovered", "finding_new");
    assertThat(kinds(byHost.get("new.test"))).containsExactly("appeared");
    assertThat(kinds(byHost.get("new-broken.test"))).containsExactly("appeared", "started_failing");
    assertThat(
            byHost.values().stream()
                .filter(d -> d.worse(Severity.CRITICAL))
                .map(d -> d.target().host()))
        .as("worse even with only critical findings counting")
        .containsExactlyInAnyOrder("gone.test", "breaks.test", "new-broken.test");
  }

  @Test
  void recordsOfOneNameArePairedByAddress() throws IOException {
    // Given an --all-ips scan: two addresses behind one name, one of them rotated its certificate
    var was =
        List.of(SampleRecords.at("lb.test", "10.0.0.1"), SampleRecords.at("lb.test", "10.0.0.2"));
    var now =
        List.of(
            SampleRecords.at("lb.test", "10.0.0.2")
                .cert("ff99", "CN=Old CA", "2027-01-01T00:00:00.000Z", 400),
            SampleRecords.at("lb.test", "10.0.0.1"));

    List<TargetDiff> diffs = diff(was, now);

    assertThat(diffs).hasSize(1);
    assertThat(diffs.get(0).target().ip()).isEqualTo("10.0.0.2");
    assertThat(kinds(diffs.get(0))).containsExactly("certificate_rotated");
  }

  @Test
  void aDtlsTargetIsNotTheTcpTargetOfTheSamePort() throws IOException {
    // Given a host scanned over TCP and over DTLS on port 443, and only the DTLS server changed
    var was = List.of(SampleRecords.ok("vpn.test"), SampleRecords.ok("vpn.test").dtls());
    var now =
        List.of(
            SampleRecords.ok("vpn.test"), SampleRecords.ok("vpn.test").dtls().protocols("TLSv1.2"));

    List<TargetDiff> diffs = diff(was, now);

    assertThat(diffs).hasSize(1);
    assertThat(diffs.get(0).target().name()).isEqualTo("vpn.test:443 (dtls)");
    assertThat(kinds(diffs.get(0))).containsExactly("protocol_removed");
  }

  @Test
  void aSingleRecordThatMovedAddressIsTheSameTarget() throws IOException {
    var diffs =
        diff(
            List.of(SampleRecords.at("a.test", "10.0.0.1")),
            List.of(SampleRecords.at("a.test", "10.0.0.9")));

    assertThat(diffs.get(0).changes())
        .containsExactly(new Change.AddressChanged("10.0.0.1", "10.0.0.9"));
  }

  @Test
  void malformedLinesAreNamedAndSkipped() throws IOException {
    var was =
        List.of(
            SampleRecords.ok("a.test"),
            "{\"target\": {\"host\": \"cut",
            SampleRecords.ok("b.test"));
    var now =
        List.of(
            SampleRecords.ok("a.test"), "[1, 2]", SampleRecords.ok("b.test").finding("x", "high"));

    List<TargetDiff> diffs = diff(was, now);

    assertThat(diffs).hasSize(1);
    assertThat(problems)
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("old.jsonl") + ":2: not JSON"))
        .anySatisfy(p -> assertThat(p).startsWith(dir.resolve("new.jsonl") + ":2: not a record"));
  }

  @Test
  void scansLargerThanAChunkGiveTheSameDiffThroughRunFiles() throws IOException {
    // Given 500 targets in random order, every seventh changed, and chunks of about ten records
    List<SampleRecords> was = new ArrayList<>();
    List<SampleRecords> now = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      was.add(SampleRecords.ok("host" + i + ".test"));
      now.add(
          i % 7 == 0
              ? SampleRecords.ok("host" + i + ".test").finding("f" + i, "medium")
              : SampleRecords.ok("host" + i + ".test"));
    }
    Collections.shuffle(was, new Random(1));
    Collections.shuffle(now, new Random(2));

    List<TargetDiff> small = diff(was, now, 10 * was.get(0).toString().length());
    List<TargetDiff> whole = diff(was, now);

    assertThat(small).hasSize(72).isEqualTo(whole);
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("run files removed")
          .containsExactlyInAnyOrder("old.jsonl", "new.jsonl");
    }
  }

  @Test
  void writersShowEachChange() throws IOException {
    var diffs =
        diff(
            List.of(SampleRecords.ok("a.test"), SampleRecords.ok("<b>.test")),
            List.of(
                SampleRecords.ok("a.test")
                    .finding("proto.tls10", "high")
                    .protocols("TLSv1.0", "TLSv1.2", "TLSv1.3")));
    var text = new ByteArrayOutputStream();
    var json = new ByteArrayOutputStream();
    for (TargetDiff diff : diffs) {
      DiffWriter.Format.TEXT.open(text, Severity.HIGH).write(diff);
      DiffWriter.Format.JSONL.open(json, Severity.HIGH).write(diff);
    }

    assertThat(text.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "<b>.test:443 (10.0.0.1)  WORSE\n"
                + "  ! vanished: not in the new scan\n"
                + "a.test:443 (10.0.0.1)  WORSE\n"
                + "  + finding high proto.tls10: proto.tls10 found\n"
                + "  + protocol TLSv1.0\n");
    assertThat(json.toString(StandardCharsets.UTF_8).lines().toList().get(1))
        .isEqualTo(
            "{\"target\":{\"host\":\"a.test\",\"port\":443,\"ip\":\"10.0.0.1\",\"starttls\":null,"
                + "\"input\":\"a.test:443\",\"line\":1},\"worse\":true,\"changes\":["
                + "{\"change\":\"finding_new\",\"id\":\"proto.tls10\",\"severity\":\"high\","
                + "\"message\":\"proto.tls10 found\",\"policy\":\"baseline\"},"
                + "{\"change\":\"protocol_added\",\"version\":\"TLSv1.0\"}]}");
  }
}
