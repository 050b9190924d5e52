package io.tlsscan.cli;

import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.cert.TrustAnchorsException;
import io.tlsscan.policy.Policy;
import io.tlsscan.report.ReportFormat;
import io.tlsscan.report.ReportWriter;
import io.tlsscan.report.ResumeFile;
import io.tlsscan.report.policy.PolicyFileException;
import io.tlsscan.scan.ScanOptions;
import io.tlsscan.scan.Scanner;
import io.tlsscan.target.HostListEntry;
import io.tlsscan.target.HostListReader;
import io.tlsscan.target.Shard;
import io.tlsscan.target.StarttlsMode;
import io.tlsscan.target.TargetParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
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
      "  cat hosts.txt | tlsscan scan -i - | jq 'select(.certificate.trusted == false) |"
          + " .target.host'",
      "  tlsscan scan -i hosts.txt -f csv -o scan.csv --ca-file corp-root.pem",
      "",
      "Exit codes: 0 every target scanned and no finding at --fail-on or worse,",
      "1 some target has a finding at --fail-on or worse, 3 some targets could not be",
      "scanned (and none reached --fail-on), 2 usage error or unusable input, output or",
      "policy file."
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

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Scan only shard I of N (I from 0 to N-1): N machines given the same list and"
              + " --shard 0/N .. N-1/N scan every target exactly once between them.")
  String shard;

  @Option(
      names = "--starttls",
      paramLabel = "PROTO",
      defaultValue = "auto",
      converter = StarttlsModeConverter.class,
      description =
          "What lines without a URL scheme speak before TLS: auto (default) picks the protocol of a"
              + " well-known port (25 smtp, 587 submission, 143 imap, 110 pop3, 21 ftp, 389 ldap,"
              + " 5222 xmpp, 5269 xmpp-server, 119 nntp, 4190 sieve, 5432 postgres, 3306 mysql,"
              + " 24 lmtp); none speaks TLS at once; a protocol name (smtp, submission, lmtp,"
              + " imap, pop3, ftp, ldap, xmpp, xmpp-server, nntp, sieve, irc, postgres, mysql)"
              + " speaks it to every such line and makes its port the default.")
  StarttlsMode starttls = StarttlsMode.AUTO;

  @Option(
      names = "--resume",
      description =
          "With -o FILE (JSON Lines): skip the targets FILE already has a record for, append the"
              + " rest, after cutting off a partial last line left by a crash.")
  boolean resume;

  @Mixin ScanTuning tuning;
  @Mixin PolicyOptions policy;
  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException, TrustAnchorsException, PolicyFileException {
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
    Shard selected = shard();
    Policy judgedBy = policy.resolve();
    if (!output.quiet) {
      policy.warnUnchecked(judgedBy, options, System.err);
    }
    if (resume && (output.output == null || format != ReportFormat.JSONL)) {
      throw new ParameterException(
          spec.commandLine(), "--resume needs -o FILE and the jsonl format");
    }
    // Without --ca-file the scanner parses the system's CA bundle itself when the first chain
    // arrives (a preload thread has usually done it by then).
    TrustAnchors anchors = caFile == null ? null : TrustAnchors.fromPemFile(caFile);
    if (anchors != null) {
      anchors.warnings().forEach(warning -> System.err.println("tlsscan: warning: " + warning));
    }
    Flux<HostListEntry> entries = entries();
    if (selected != null) {
      entries = entries.filter(selected::contains);
    }
    if (resume) {
      ResumeFile.State state = ResumeFile.load(output.output);
      System.err.println(ResumeMessage.of(output.output, state));
      entries = entries.filter(entry -> !state.done().contains(entry));
    }
    try (OutputStream out = output.open(resume);
        ReportWriter writer = format.open(out, output.colours());
        Scanner scanner = scanner(options, anchors, judgedBy)) {
      Path hostList = input == null || input.equals("-") ? null : Path.of(input);
      return new ScanRun(
              scanner, writer, System.err, output.quiet, output.progress(hostList), policy.failOn)
          .run(entries);
    }
  }

  private static Scanner scanner(ScanOptions options, TrustAnchors anchors, Policy policy) {
    Scanner.Builder builder = Scanner.builder().options(options).policy(policy);
    return anchors == null ? builder.build() : builder.trustAnchors(anchors).build();
  }

  private Shard shard() {
    if (shard == null) {
      return null;
    }
    try {
      return Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--shard: " + e.getMessage());
    }
  }

  private Flux<HostListEntry> entries() {
    HostListReader reader = new HostListReader(new TargetParser(starttls));
    if (input == null) {
      return reader.fromArguments(targets);
    }
    if (input.equals("-")) {
      return reader.read(System.in, "stdin");
    }
    return reader.read(Path.of(input));
  }
}
