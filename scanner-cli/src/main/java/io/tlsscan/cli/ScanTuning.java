package io.tlsscan.cli;

import io.tlsscan.probe.ProbeId;
import io.tlsscan.scan.ScanOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that shape how targets are scanned, shared by {@code scan} and {@code demo}. */
final class ScanTuning {
  private static final int MAX_CONCURRENCY = 100_000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      description = "Targets scanned at the same time (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_CONCURRENCY)
  int concurrency;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Hard deadline per target, covering DNS, connect, handshake and every probe"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "10s")
  Duration timeout;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time allowed for one TCP connect (default: ${DEFAULT-VALUE}).",
      defaultValue = "5s")
  Duration connectTimeout;

  @Option(
      names = "--max-bytes",
      paramLabel = "BYTES",
      description = "Bytes one connection may read before it is cut (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_MAX_BYTES_PER_CONNECTION)
  int maxBytesPerConnection;

  @Option(
      names = "--rate",
      paramLabel = "N",
      description =
          "New connections per second in all, evenly spaced (default: no limit). A target's"
              + " deadline starts once its first connection may go.")
  double rate;

  @Option(
      names = "--per-ip-rate",
      paramLabel = "N",
      description = "New connections per second to any one IP address (default: no limit).")
  double perIpRate;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "Extra attempts after a reset or a connect timeout, with backoff, within the deadline;"
              + " never after refused, not-TLS or an alert (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_RETRIES)
  int retries;

  @Option(
      names = "--all-ips",
      description =
          "Scan every address a name resolves to, one record each (default: the first,"
              + " IPv4 preferred).")
  boolean allIps;

  @Option(
      names = "--probes",
      paramLabel = "LIST",
      description =
          "What to find out, comma-separated: cert (chain and trust), protocols (SSLv2 to TLS 1.3),"
              + " ciphers (accepted suites per version, server order), groups (key exchange"
              + " groups), vulns (known weaknesses: heartbleed, ROBOT, renegotiation...), session"
              + " (OCSP staple, SCTs, resumption, ALPN, signature algorithms), http (one GET /:"
              + " status, redirect, Server, HSTS), jarm (JARM, JA3S and JA4S fingerprints; ten"
              + " connections), or all (default: ${DEFAULT-VALUE}).",
      defaultValue = "cert,protocols,ciphers")
  String probes;

  @Option(
      names = "--per-host-connections",
      paramLabel = "N",
      description =
          "Connections to one target open at the same time during the deep probes"
              + " (default: ${DEFAULT-VALUE}).",
      defaultValue = "" + ScanOptions.DEFAULT_PER_HOST_CONNECTIONS)
  int perHostConnections;

  @Option(
      names = "--dns-server",
      paramLabel = "ADDR",
      split = ",",
      converter = DnsServerConverter.class,
      description =
          "DNS server to ask instead of those of /etc/resolv.conf: an IP address with an optional"
              + " port (default 53), e.g. 9.9.9.9, 127.0.0.53:5353, [2001:db8::53]:5353; repeat"
              + " or separate with commas to give several, asked in order. Names in /etc/hosts"
              + " are still answered from it.")
  List<InetSocketAddress> dnsServers = new ArrayList<>();

  /** The scan options these flags describe; a usage error names the bad flag. */
  ScanOptions options() {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new ParameterException(
          spec.commandLine(),
          "--concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
    }
    try {
      if (!(rate >= 0)
          || !(perIpRate >= 0)
          || Double.isInfinite(rate)
          || Double.isInfinite(perIpRate)) {
        throw new IllegalArgumentException("--rate and --per-ip-rate must be positive numbers");
      }
      if (retries < 0 || retries > 10) {
        throw new IllegalArgumentException("--retries must be between 0 and 10, got " + retries);
      }
      return new ScanOptions(
          concurrency,
          timeout,
          connectTimeout,
          maxBytesPerConnection,
          rate,
          perIpRate,
          retries,
          allIps,
          ProbeId.parseList(probes),
          perHostConnections,
          dnsServers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
