package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlsscan.samples.dns.LoopbackDnsServer;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the {@code tlsscan} command line in-process against the demo fleet. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DemoFleet fleet;

  @TempDir Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private InputStream originalIn;

  @BeforeAll
  static void startFleet() {
    fleet = DemoFleet.start();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    originalIn = System.in;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.setIn(originalIn);
  }

  private String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  private List<JsonNode> records(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  private String line(String endpoint) {
    return fleet.endpoint(endpoint).hostLine();
  }

  @Test
  void aFleetFromAFileGivesOneValidJsonLinePerTargetAndExit3WhenSomeFail() throws IOException {
    // Given the demo fleet's host list
    Path hosts = dir.resolve("hosts.txt");
    fleet.writeHostList(hosts);
    Path out = dir.resolve("scan.jsonl");
    // When it is scanned into a file
    int code =
        Main.run(
            "scan",
            "--fail-on",
            "none",
            "-i",
            hosts.toString(),
            "-o",
            out.toString(),
            "--timeout",
            "2s",
            "--ca-file",
            fleet.caFile().toString());
    // Then every endpoint has exactly one record, and the failures set the exit code
    assertThat(code).isEqualTo(ExitCodes.SOME_TARGETS_FAILED);
    List<JsonNode> records = records(out);
    assertThat(records).hasSize(fleet.endpoints().size());
    assertThat(records.stream().map(r -> r.at("/target/input").asText()).distinct().count())
        .isEqualTo(fleet.endpoints().size());
    assertThat(stderr()).contains(fleet.endpoints().size() + " targets").contains("targets/s");
  }

  @Test
  void healthyTargetsExitZeroAndAreTrustedWithTheCaFile() throws IOException {
    // Given two healthy endpoints as arguments: "NAME:PORT ADDRESS" and an IP literal
    Path out = dir.resolve("good.jsonl");
    int code =
        Main.run(
            "scan",
            line("good"),
            line("ip-san"),
            "-o",
            out.toString(),
            "--ca-file",
            fleet.caFile().toString());
    // Then both are trusted, match their names, and the exit code is 0
    assertThat(code).as(stderr()).isEqualTo(ExitCodes.OK);
    List<JsonNode> records = records(out);
    assertThat(records).hasSize(2);
    assertThat(records)
        .extracting(r -> r.at("/target/line").asLong())
        .containsExactlyInAnyOrder(1L, 2L);
    for (JsonNode record : records) {
      assertThat(record.at("/status").asText()).isEqualTo("ok");
      assertThat(record.at("/certificate/trusted").asBoolean()).isTrue();
      assertThat(record.at("/certificate/hostname_match").asBoolean()).isTrue();
    }
  }

  @Test
  void stdinIsReadWithDashAndBadLinesBecomeInvalidTargetRecords() throws IOException {
    String list =
        "# fleet\n"
            + line("good")
            + "\nnot a valid:line:at all\n\n"
            + line("expired")
            + "\nhost:99999\n";
    System.setIn(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));
    Path out = dir.resolve("stdin.jsonl");
    int code =
        Main.run(
            "scan",
            "--fail-on",
            "none",
            "-i",
            "-",
            "-o",
            out.toString(),
            "--ca-file",
            fleet.caFile().toString());
    assertThat(code).isEqualTo(ExitCodes.SOME_TARGETS_FAILED);
    List<JsonNode> records = records(out);
    assertThat(records).hasSize(4);
    List<JsonNode> invalid =
        records.stream()
            .filter(r -> r.at("/error/kind").asText().equals("invalid_target"))
            .toList();
    assertThat(invalid)
        .extracting(r -> r.at("/target/line").asLong())
        .containsExactlyInAnyOrder(3L, 6L);
    assertThat(invalid)
        .extracting(r -> r.at("/error/message").asText())
        .anySatisfy(m -> assertThat(m).contains("99999"));
    JsonNode expired =
        records.stream().filter(r -> r.at("/target/line").asLong() == 5).findFirst().orElseThrow();
    assertThat(expired.at("/certificate/trust_errors/0").asText()).isEqualTo("expired");
  }

  @Test
  void csvOutputHasTheDocumentedHeaderAndOneRowPerTarget() throws IOException {
    Path hosts = dir.resolve("csv.txt");
    Files.writeString(hosts, line("good") + "\n" + line("closed-port") + "\n");
    Path out = dir.resolve("scan.csv");
    Main.run(
        "scan",
        "-i",
        hosts.toString(),
        "-f",
        "csv",
        "-o",
        out.toString(),
        "--ca-file",
        fleet.caFile().toString());
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0))
        .isEqualTo(
            "host,port,ip,sni,status,error_kind,protocol,cipher,subject,issuer,not_after,days_left,"
                + "trusted,trust_errors,hostname_match,key,signature_algorithm,findings,"
                + "protocols,weakest_cipher_strength,input,line");
    assertThat(rows).hasSize(3);
    assertThat(rows).anySatisfy(r -> assertThat(r).contains(",error,refused,"));
  }

  @Test
  void namesAreResolvedByTheDnsServerGiven() throws Exception {
    // Given a DNS server on loopback that knows the good endpoint's name
    DemoEndpoint good = fleet.endpoint("good");
    try (LoopbackDnsServer dns =
        LoopbackDnsServer.start(
            Map.of(good.host(), List.of(InetAddress.getByName(good.address()))))) {
      Path out = dir.resolve("dns.jsonl");
      InetSocketAddress server = dns.address();

      // When the name alone is scanned with that server
      int code =
          Main.run(
              "scan",
              good.host() + ":" + good.port(),
              "--dns-server",
              server.getAddress().getHostAddress() + ":" + server.getPort(),
              "-o",
              out.toString(),
              "--ca-file",
              fleet.caFile().toString());

      // Then the record is of the address the server gave
      assertThat(code).as(stderr()).isEqualTo(ExitCodes.OK);
      assertThat(dns.questionsAnswered()).isPositive();
      JsonNode record = records(out).get(0);
      assertThat(record.at("/status").asText()).isEqualTo("ok");
      assertThat(record.at("/target/ip").asText()).isEqualTo(good.address());
      assertThat(record.at("/certificate/hostname_match").asBoolean()).isTrue();
    }
  }

  @Test
  void badDnsServersAreUsageErrorsNamingTheValue() {
    for (String bad : List.of("dns.example", "300.1.1.1", "127.0.0.1:0", "[::1", "1.1.1.1:x")) {
      assertThat(Main.run("scan", "--dns-server", bad, "example.test"))
          .as(bad)
          .isEqualTo(ExitCodes.USAGE);
      assertThat(stderr()).contains("'" + bad + "' is not an IP address");
    }
  }

  @Test
  void usageErrorsExit2WithAMessageNamingTheProblem() {
    assertThat(Main.run("scan")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("no targets");
    assertThat(Main.run("scan", "--concurrency", "0", "example.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("--concurrency must be between 1");
    assertThat(Main.run("scan", "--timeout", "soon", "example.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("\"soon\" is not a duration");
    assertThat(Main.run("scan", "-f", "xml", "example.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("xml");
    assertThat(Main.run("scan", "--starttls", "gopher", "example.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("unknown STARTTLS protocol \"gopher\"");
    assertThat(Main.run("scan", "--no-such-flag", "example.test")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("--no-such-flag");
  }

  @Test
  void missingFilesExit2NamingTheFile() {
    assertThat(Main.run("scan", "-i", dir.resolve("nope.txt").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("nope.txt").contains("does not exist");
    assertThat(Main.run("scan", "--ca-file", dir.resolve("ca.pem").toString(), "example.test"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("ca.pem");
    assertThat(
            Main.run("scan", "-o", dir.resolve("no/such/dir/out.jsonl").toString(), line("good")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr()).contains("does not exist");
  }

  @Test
  void demoScansTheFleetAndConfirmsEveryEndpoint() throws IOException {
    Path out = dir.resolve("demo.jsonl");
    int code = Main.run("demo", "-o", out.toString(), "-f", "jsonl");
    assertThat(code).as(stderr()).isEqualTo(ExitCodes.OK);
    assertThat(stderr()).containsPattern("(\\d+)/\\1 endpoints reported as expected");
    assertThat(Files.readAllLines(out)).hasSizeGreaterThan(20);
  }

  @Test
  void demoWithDeepProbesGivesThemTheLongerDeadline() throws IOException {
    Path out = dir.resolve("deep-demo.jsonl");
    int code = Main.run("demo", "--probes", "cert,session", "-o", out.toString(), "-f", "jsonl");
    assertThat(code).as(stderr()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out))
        .as("the session section of the healthy endpoint, not a timeout past 3s")
        .filteredOn(line -> line.contains("\"input\":\"good.demo.test:"))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("\"session\":{").doesNotContain("deadline"));
  }

  @Test
  void rateLimitsSpaceOutEveryNewConnection() throws IOException {
    // Given the healthy endpoint three times, scanned for its protocols (several connections each)
    for (String[] limit :
        new String[][] {
          {"--rate", "20"}, {"--per-ip-rate", "20"}, {"--rate", "40", "--per-ip-rate", "20"}
        }) {
      Path out = dir.resolve("rate" + String.join("", limit) + ".jsonl");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "scan",
                  "--probes",
                  "protocols",
                  "-q",
                  "-o",
                  out.toString(),
                  line("good"),
                  line("good"),
                  line("good")));
      args.addAll(List.of(limit));
      // When new connections may go at 20 a second (to the one address of all three)
      long started = System.nanoTime();
      int code = Main.run(args.toArray(String[]::new));
      double seconds = (System.nanoTime() - started) / 1e9;
      // Then every target is scanned whole, and the connections took at least 1/20 s apart (the
      // same scan without a limit takes a fraction of that)
      assertThat(code).as(stderr()).isEqualTo(ExitCodes.OK);
      List<JsonNode> records = records(out);
      assertThat(records).extracting(r -> r.at("/status").asText()).containsOnly("ok");
      int connections = records.stream().mapToInt(r -> r.at("/connections").asInt()).sum();
      assertThat(connections).isGreaterThan(15);
      assertThat(seconds)
          .as("%s: %d connections", String.join(" ", limit), connections)
          .isGreaterThanOrEqualTo((connections - 1) / 20.0);
    }
  }
}
