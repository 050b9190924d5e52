package io.tlsscan.cli;

import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.cert.TrustAnchorsException;
import io.tlsscan.report.ReportWriter;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListEntry;
import io.tlsscan.target.HostListReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import reactor.core.publisher.Flux;

/** {@code tlsscan scan}: scans targets from arguments, a host-list file or stdin. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan TLS servers and write one record per target.",
      "Targets are HOST[:PORT] [CONNECT_ADDRESS] lines; PORT defaults to 443."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  tlsscan scan example.com mail.example.com:465 '[2001:db8::1]:8443'",
      "  tlsscan scan -i hosts.txt -o scan.jsonl",
      "  cat hosts.txt | tlsscan scan -i - | jq 'select(.certificate.trusted == false) | .target.host'",
      "  tlsscan scan -i hosts.txt -f csv -o scan.csv --ca-file corp-root.pem",
      "",
      "Exit codes: 0 every target scanned, 3 some targets could not be scanned,",
      "2 usage error or unusable input/output file."
    })
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", arity = "0..*", description = "Targets to scan.")
  List<String> targets = List.of();

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Read targets from FILE, one a line; - reads stdin.")
  String input;

  @Option(
      names = "--ca-file",
      paramLabel = "PEM",
      description = "Trust only the CA certificates in this PEM file (default: the system's CAs).")
  Path caFile;

  @Mixin ScanTuning tuning;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException, TrustAnchorsException {
    if (targets.isEmpty() && input == null) {
      throw new ParameterException(
          spec.commandLine(), "no targets: give TARGET arguments, or -i FILE (- for stdin)");
    }
    if (!targets.isEmpty() && input != null) {
      throw new ParameterException(
          spec.commandLine(), "give targets either as arguments or with -i, not both");
    }
    var options = tuning.options();
    var format = output.reportFormat();
    TrustAnchors anchors = caFile == null ? TrustAnchors.systemDefault() : TrustAnchors.fromPemFile(caFile);
    Flux<HostListEntry> entries = entries();
    try (OutputStream out = output.open();
        ReportWriter writer = format.open(out, output.colours());
        Scanner scanner =
            Scanner.builder().options(options).trustAnchors(anchors).build()) {
      return new ScanRun(scanner, writer, System.err, output.quiet).run(entries);
    }
  }

  private Flux<HostListEntry> entries() {
    HostListReader reader = new HostListReader();
    if (input == null) {
      return reader.fromArguments(targets);
    }
    if (input.equals("-")) {
      return reader.read(System.in, "stdin");
    }
    return reader.read(Path.of(input));
  }
}
