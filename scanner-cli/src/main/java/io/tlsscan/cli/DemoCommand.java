package io.tlsscan.cli;

import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.cert.TrustAnchorsException;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.report.ReportWriter;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.fleet.DemoFleet;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tlsscan demo}: starts the bundled demo fleet (local TLS servers with known flaws on
 * 127.0.77.x), scans it with the fleet's CA as trust anchor, writes the records like {@code scan}
 * does, and checks each record against what the endpoint is known to be.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the bundled demo fleet of local TLS servers with known flaws and scan it (offline).",
      "Exits 0 when every endpoint was reported as expected, 1 otherwise.",
      "The deadline per target is 3s (10s with probes beyond the default set: the servers run in"
          + " the same process) unless --timeout is given."
    })
final class DemoCommand implements Callable<Integer> {
  /** The fleet is local: a short deadline keeps the silent servers from holding the demo up. */
  private static final Duration DEMO_TIMEOUT = Duration.ofSeconds(3);

  /**
   * The deadline when probes beyond the default set are asked for: their 40-odd connections a
   * target share the CPU with the fleet's servers, which run in this process.
   */
  private static final Duration DEEP_DEMO_TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;
  @Mixin ScanTuning tuning;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException, TrustAnchorsException {
    PrintStream messages = System.err;
    var options = tuning.options();
    if (!spec.commandLine().getParseResult().hasMatchedOption("--timeout")) {
      options =
          options.withTimeout(
              ProbeId.DEFAULT.containsAll(options.probes()) ? DEMO_TIMEOUT : DEEP_DEMO_TIMEOUT);
    }
    var format = output.reportFormat();
    try (DemoFleet fleet = DemoFleet.start()) {
      Path hostList = Files.createTempFile("tlsscan-demo-", ".txt");
      try {
        fleet.writeHostList(hostList);
        messages.println(
            "tlsscan demo: started "
                + fleet.endpoints().size()
                + " local servers; host list "
                + hostList
                + ", CA "
                + fleet.caFile());
        List<HostReport> reports = new ArrayList<>();
        int scanned;
        try (OutputStream out = output.open(false);
            ReportWriter writer =
                new CollectingWriter(format.open(out, output.colours()), reports);
            Scanner scanner =
                Scanner.builder()
                    .options(options)
                    .trustAnchors(TrustAnchors.fromPemFile(fleet.caFile()))
                    .build()) {
          scanned =
              new ScanRun(
                      scanner,
                      writer,
                      messages,
                      output.quiet,
                      output.progress(hostList),
                      FailOn.DEFAULT)
                  .run(new HostListReader().read(hostList));
        }
        // Stopped by a signal or an output error: the records are not all there to check.
        if (scanned == ExitCodes.INTERRUPTED || scanned == ExitCodes.USAGE) {
          return scanned;
        }
        return check(fleet.endpoints(), reports, messages);
      } finally {
        Files.deleteIfExists(hostList);
      }
    }
  }

  private static int check(
      List<DemoEndpoint> endpoints, List<HostReport> reports, PrintStream messages) {
    Map<String, HostReport> byInput =
        reports.stream()
            .collect(Collectors.toMap(r -> r.target().input(), Function.identity(), (a, b) -> a));
    List<String> mismatches = new ArrayList<>();
    for (DemoEndpoint endpoint : endpoints) {
      HostReport report = byInput.get(endpoint.hostLine());
      String problem = report == null ? "no record" : endpoint.expected().mismatch(report);
      if (problem != null) {
        mismatches.add(endpoint.name() + ": " + problem);
      }
    }
    int matched = endpoints.size() - mismatches.size();
    messages.println(
        "tlsscan demo: " + matched + "/" + endpoints.size() + " endpoints reported as expected");
    mismatches.forEach(m -> messages.println("  unexpected: " + m));
    return mismatches.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** Passes records on to the real writer and keeps them for the check. */
  private record CollectingWriter(ReportWriter delegate, List<HostReport> collected)
      implements ReportWriter {
    @Override
    public void write(HostReport report) throws IOException {
      delegate.write(report);
      collected.add(report);
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
