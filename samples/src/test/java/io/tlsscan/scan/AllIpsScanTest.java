package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.net.HostResolver;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.dns.LoopbackDnsServer;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import java.net.InetAddress;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * {@code --all-ips} and {@code --dns-server}: a name with three addresses, served by a DNS server
 * on loopback, and an {@code openssl s_server} at each address on the same port.
 */
class AllIpsScanTest {
  private static final String NAME = "fleet.all-ips.test";
  private static final List<String> ADDRESSES = List.of("127.0.66.1", "127.0.66.2", "127.0.66.3");
  private static final TestChain CHAIN = TestChain.rsa("All IPs", NAME);

  private static List<OpenSslServer> servers;
  private static LoopbackDnsServer dns;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    OpenSslServer first = CHAIN.openSslServer().host(ADDRESSES.get(0)).start();
    port = first.address().getPort();
    servers =
        List.of(
            first,
            CHAIN.openSslServer().host(ADDRESSES.get(1)).port(port).start(),
            CHAIN.openSslServer().host(ADDRESSES.get(2)).port(port).start());
    List<InetAddress> addresses = ADDRESSES.stream().map(HostResolver::literal).toList();
    dns = LoopbackDnsServer.start(Map.of(NAME, addresses));
  }

  @AfterAll
  static void stop() {
    if (servers != null) {
      servers.forEach(OpenSslServer::close);
    }
    if (dns != null) {
      dns.close();
    }
  }

  @Test
  void allIpsGivesOneRecordPerAddressOfTheName() {
    List<HostReport> reports = scan(options().withAllIps(true), NAME + ":" + port);

    assertThat(dns.questionsAnswered())
        .as("questions the loopback DNS server answered")
        .isPositive();
    assertThat(reports).hasSize(3).allMatch(HostReport::ok);
    assertThat(reports)
        .extracting(report -> report.target().ip())
        .containsExactlyElementsOf(ADDRESSES);
    assertThat(reports)
        .allSatisfy(
            report -> {
              assertThat(report.target().input()).isEqualTo(NAME + ":" + port);
              assertThat(report.target().host()).isEqualTo(NAME);
              assertThat(report.target().line()).isEqualTo(1);
              assertThat(report.certificate().resultOrNull().trusted()).isTrue();
              assertThat(report.certificate().resultOrNull().hostnameMatch())
                  .isEqualTo(HostnameMatch.MATCH);
            });
  }

  @Test
  void withoutAllIpsTheFirstAddressIsScannedAndRecorded() {
    List<HostReport> reports = scan(options(), NAME + ":" + port);

    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).ok()).isTrue();
    assertThat(reports.get(0).target().ip()).isEqualTo(ADDRESSES.get(0));
  }

  @Test
  void aNameTheServerDoesNotKnowIsADnsError() {
    for (ScanOptions options : List.of(options(), options().withAllIps(true))) {
      List<HostReport> reports = scan(options, "missing.all-ips.test:" + port);

      assertThat(reports).hasSize(1);
      assertThat(reports.get(0).error().kind()).isEqualTo(ErrorKind.DNS);
      assertThat(reports.get(0).error().message()).contains("missing.all-ips.test");
    }
  }

  private static ScanOptions options() {
    return ScanOptions.defaults()
        .withProbes(EnumSet.of(ProbeId.CERT))
        .withTimeout(Duration.ofSeconds(10))
        .withDnsServers(List.of(dns.address()));
  }

  private static List<HostReport> scan(ScanOptions options, String line) {
    try (Scanner scanner = TestTargets.scanner(options, CHAIN.root())) {
      return scanner
          .scan(Flux.fromStream(new TargetParser().parse(line, 1)).cast(Target.class))
          .collectList()
          .block(Duration.ofSeconds(60));
    }
  }
}
