package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo fleet scanned with every probe and judged under each built-in policy, end to end through
 * the command: exactly which finding ids each endpoint gets, and the exit code.
 *
 * <p>The demo servers run BoringSSL: they accept TLS 1.2 and 1.3 (unless the endpoint says
 * otherwise) and the groups X25519MLKEM768, x25519, secp256r1, secp384r1 and secp521r1, of which
 * the Mozilla profiles allow three; so every endpoint that answers gets {@code group.not_allowed}
 * under them. Their leaves are ECDSA P-256, except weak-key (RSA 1024) and tls10-only (RSA 2048).
 */
class PolicyFleetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Endpoints that end in an error: no handshake, so no findings under any policy. */
  private static final List<String> FAILING =
      List.of("client-auth", "plain-http", "ssh-banner", "reset", "alert", "closed-port");

  /** The DTLS endpoint, there when openssl is installed. */
  private static final String DTLS = "dtls";

  /** Endpoints that take the whole deadline; left out to keep the test short. */
  private static final Set<String> SLOW = Set.of("tarpit", "drip");

  private static DemoFleet fleet;
  private static Path caFile;

  @TempDir Path dir;

  @BeforeAll
  static void startFleet(@TempDir Path shared) throws IOException {
    fleet = DemoFleet.start();
    caFile = Files.writeString(shared.resolve("demo-ca.pem"), fleet.caPem());
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  /** The certificate, HSTS and weakness findings each answering endpoint has under every policy. */
  private static Map<String, Set<String>> certificateFindings() {
    Map<String, Set<String>> findings = new HashMap<>();
    findings.put("good", Set.of());
    findings.put("expired", Set.of("cert.expired"));
    findings.put("not-yet-valid", Set.of("cert.not_yet_valid"));
    findings.put("self-signed", Set.of("cert.self_signed"));
    findings.put("wrong-host", Set.of("cert.hostname_mismatch"));
    findings.put("missing-intermediate", Set.of("cert.incomplete_chain"));
    findings.put("untrusted-root", Set.of("cert.untrusted_root"));
    findings.put("weak-key", Set.of("cert.weak_key"));
    findings.put("sha1-signature", Set.of("cert.weak_signature"));
    findings.put("no-san", Set.of("cert.no_san", "cert.hostname_mismatch"));
    findings.put("wildcard", Set.of());
    findings.put("ip-san", Set.of());
    findings.put("misordered-chain", Set.of("cert.chain_misordered"));
    findings.put("tls10-only", Set.of());
    findings.put("tls13-only", Set.of());
    // every endpoint answers GET / with 200; only good sends Strict-Transport-Security
    for (String name : findings.keySet()) {
      if (!name.equals("good")) {
        add(findings, name, "http.hsts_missing");
      }
    }
    // the weaknesses of the RSA servers: CBC suites (Lucky Thirteen), on TLS 1.0 too (BEAST)
    add(findings, "weak-key", "vuln.lucky13");
    add(findings, "tls10-only", "vuln.beast", "vuln.lucky13");
    // SMTP, then STARTTLS to an EC P-256 leaf: no HTTP to ask for HSTS
    findings.put("smtp-starttls", Set.of());
    // DTLS 1.2 with an EC P-256 leaf; no HTTP over UDP, so no HSTS finding
    if (hasDtls()) {
      findings.put(DTLS, Set.of());
    }
    return findings;
  }

  @Test
  void baselineFlagsCertificatesAndTheDeprecatedHandshakeOnly() throws IOException {
    Map<String, Set<String>> expected = certificateFindings();
    add(expected, "tls10-only", "protocol.deprecated");

    Scan scan = scan("baseline");

    assertThat(scan.findings()).isEqualTo(withFailing(expected));
    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  /**
   * The budget for {@code --probes all}: a median of at most 50 connections on a typical
   * server, here the TCP endpoints that complete a handshake (TLS 1.2 and 1.3, or one of them).
   */
  @Test
  void aDeepScanOfATypicalServerCostsAtMostFiftyConnections() throws IOException {
    Scan scan = scan("baseline");

    List<Integer> counts = new ArrayList<>();
    scan.connections()
        .forEach(
            (name, count) -> {
              if (!FAILING.contains(name) && !name.equals(DTLS)) {
                counts.add(count);
              }
            });
    Collections.sort(counts);
    int middle = counts.size() / 2;
    double median =
        counts.size() % 2 == 1
            ? counts.get(middle)
            : (counts.get(middle - 1) + counts.get(middle)) / 2.0;
    assertThat(counts).as("answering endpoints").hasSizeGreaterThanOrEqualTo(15);
    assertThat(median).as("median connections of %s", scan.connections()).isLessThanOrEqualTo(50);
  }

  @Test
  void intermediateAddsGroupsRsaSizeAndNonAeadSuites() throws IOException {
    Map<String, Set<String>> expected = mozilla(certificateFindings());
    // RSA 1024 is below 2048; the RSA server also accepts CBC and static-RSA suites in TLS 1.2
    add(expected, "weak-key", "cert.key_too_small", "cipher.not_allowed");
    // TLS 1.0 only: deprecated, outside the policy's versions, with CBC suites
    add(expected, "tls10-only", "protocol.deprecated", "protocol.tls10", "cipher.not_allowed");
    if (hasDtls()) {
      add(expected, DTLS, "cipher.not_allowed");
    }

    Scan scan = scan("mozilla-intermediate");

    assertThat(scan.findings()).isEqualTo(withFailing(expected));
    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void modernRejectsTls12AndRsaCertificates() throws IOException {
    Map<String, Set<String>> expected = mozilla(certificateFindings());
    for (String tls12 : expected.keySet()) {
      if (tls12.equals(DTLS)) {
        add(expected, DTLS, "protocol.dtls12", "cipher.not_allowed");
      } else if (!tls12.equals("tls10-only") && !tls12.equals("tls13-only")) {
        add(expected, tls12, "protocol.tls12", "cipher.not_allowed");
      }
    }
    add(expected, "weak-key", "cert.key_type_not_allowed");
    add(
        expected,
        "tls10-only",
        "protocol.deprecated",
        "protocol.tls10",
        "cipher.not_allowed",
        "cert.key_type_not_allowed");

    Scan scan = scan("mozilla-modern");

    assertThat(scan.findings()).isEqualTo(withFailing(expected));
    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void oldAllowsTls10ButOnlyRsaCertificates() throws IOException {
    Map<String, Set<String>> expected = mozilla(certificateFindings());
    for (String ecdsa : expected.keySet()) {
      if (!ecdsa.equals("weak-key") && !ecdsa.equals("tls10-only")) {
        add(expected, ecdsa, "cert.key_type_not_allowed");
      }
    }
    add(expected, "weak-key", "cert.key_too_small");

    Scan scan = scan("mozilla-old");

    // tls10-only complies: no protocol.deprecated, since the policy allows TLS 1.0 by name
    assertThat(scan.findings()).isEqualTo(withFailing(expected));
    assertThat(scan.exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void exitCodeFollowsFailOnAndUnscannedTargets() throws IOException {
    String good = fleet.endpoint("good").hostLine();
    String tls10 = fleet.endpoint("tls10-only").hostLine();
    String closed = fleet.endpoint("closed-port").hostLine();

    assertThat(run("baseline", "high", good)).isEqualTo(ExitCodes.OK);
    // group.not_allowed is low
    assertThat(run("mozilla-intermediate", "medium", good)).isEqualTo(ExitCodes.OK);
    assertThat(run("mozilla-intermediate", "low", good)).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run("mozilla-intermediate", "high", tls10)).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run("mozilla-old", "high", tls10)).isEqualTo(ExitCodes.OK);
    assertThat(run("baseline", "high", good, closed)).isEqualTo(ExitCodes.SOME_TARGETS_FAILED);
    assertThat(run("baseline", "none", tls10)).isEqualTo(ExitCodes.OK);
  }

  /**
   * Adds the groups finding every answering TCP endpoint gets under a Mozilla profile, and what the
   * DTLS endpoint gets under all three: the default suites of openssl s_server include CBC ones;
   * its one group, that of its ServerKeyExchange, is x25519.
   */
  private static Map<String, Set<String>> mozilla(Map<String, Set<String>> findings) {
    for (String name : findings.keySet()) {
      if (!name.equals(DTLS)) {
        add(findings, name, "group.not_allowed");
      }
    }
    return findings;
  }

  private static boolean hasDtls() {
    return fleet.endpoints().stream().anyMatch(DemoEndpoint::datagram);
  }

  private static void add(Map<String, Set<String>> findings, String endpoint, String... ids) {
    Set<String> all = new TreeSet<>(findings.get(endpoint));
    all.addAll(List.of(ids));
    findings.put(endpoint, all);
  }

  private static Map<String, Set<String>> withFailing(Map<String, Set<String>> expected) {
    Map<String, Set<String>> all = new HashMap<>(expected);
    FAILING.forEach(name -> all.put(name, Set.of()));
    return all;
  }

  /**
   * One scan of the quick endpoints.
   *
   * @param findings the finding ids of each endpoint
   * @param connections the connections each endpoint's record counts
   */
  private record Scan(
      int exitCode, Map<String, Set<String>> findings, Map<String, Integer> connections) {}

  /** Scans every quick endpoint with every probe under {@code policy}. */
  private Scan scan(String policy) throws IOException {
    Map<String, String> nameByLine = new HashMap<>();
    List<String> lines = new ArrayList<>();
    for (DemoEndpoint endpoint : fleet.endpoints()) {
      if (!SLOW.contains(endpoint.name())) {
        nameByLine.put(endpoint.hostLine(), endpoint.name());
        lines.add(endpoint.hostLine());
      }
    }
    Path out = dir.resolve(policy + ".jsonl");
    int code = run(policy, "high", out, lines.toArray(String[]::new));
    Map<String, Set<String>> findings = new HashMap<>();
    Map<String, Integer> connections = new HashMap<>();
    for (String line : Files.readAllLines(out)) {
      JsonNode record = JSON.readTree(line);
      Set<String> ids = new TreeSet<>();
      record.path("findings").forEach(finding -> ids.add(finding.get("id").asText()));
      String name = nameByLine.get(record.at("/target/input").asText());
      findings.put(name, ids);
      connections.put(name, record.get("connections").asInt());
    }
    return new Scan(code, findings, connections);
  }

  private int run(String policy, String failOn, String... targets) {
    return run(policy, failOn, dir.resolve("out-" + policy + "-" + failOn + ".jsonl"), targets);
  }

  private static int run(String policy, String failOn, Path out, String... targets) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "scan",
                "-q",
                "--probes",
                "all",
                "--timeout",
                "10s",
                "--ca-file",
                caFile.toString(),
                "--policy",
                policy,
                "--fail-on",
                failOn,
                "-f",
                "jsonl",
                "-o",
                out.toString()));
    args.addAll(List.of(targets));
    return Main.run(args.toArray(String[]::new));
  }
}
