package io.tlsscan.scan;

import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.model.HostReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;

/** Scanners and single-target scans of loopback test servers. */
final class TestTargets {
  /** How long a test waits for the record of one target at most. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  private TestTargets() {}

  /**
   * A scanner that runs every probe with a per-target {@code timeout} and trusts only {@code root}.
   */
  static Scanner deepScanner(Duration timeout, TestPki.Issued root) {
    return probing(EnumSet.allOf(ProbeId.class), timeout, root);
  }

  /**
   * A scanner that runs {@code probes} (and the probes they require) with a per-target {@code
   * timeout} and trusts only {@code root}.
   */
  static Scanner probing(Set<ProbeId> probes, Duration timeout, TestPki.Issued root) {
    return scanner(ScanOptions.defaults().withProbes(probes).withTimeout(timeout), root);
  }

  /** A scanner with {@code options} that trusts only {@code root}. */
  static Scanner scanner(ScanOptions options, TestPki.Issued root) {
    return Scanner.builder()
        .options(options)
        .trustAnchors(TrustAnchors.of(List.of(root.certificate())))
        .build();
  }

  /** The host-list line that scans {@code address} as {@code host}: name and port, then the IP. */
  static String hostLine(String host, InetSocketAddress address) {
    return host + ":" + address.getPort() + " " + address.getHostString();
  }

  /**
   * Scans {@code address} as {@code host} (the SNI and certificate name) and returns its record.
   */
  static HostReport scan(Scanner scanner, String host, InetSocketAddress address) {
    return scanner
        .scan(
            Flux.fromStream(new TargetParser().parse(hostLine(host, address), 1))
                .cast(Target.class))
        .blockLast(WAIT);
  }
}
