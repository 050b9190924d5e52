package io.tlsscan.samples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, describing and stopping the demo fleet. */
class DemoFleetLifecycleTest {

  @Test
  void everyEndpointHasItsOwnLoopbackAddressAndAHostLineThatNamesIt() throws IOException {
    try (DemoFleet fleet = DemoFleet.start(InetAddress.getByName("127.0.78.0"))) {
      List<DemoEndpoint> endpoints = fleet.endpoints();

      assertThat(endpoints).hasSizeGreaterThanOrEqualTo(24);
      assertThat(endpoints.stream().map(DemoEndpoint::address).collect(Collectors.toSet()))
          .as("one address per endpoint")
          .hasSize(endpoints.size());
      assertThat(endpoints.get(0).address()).isEqualTo("127.0.78.1");
      for (DemoEndpoint endpoint : endpoints) {
        assertThat(InetAddress.getByName(endpoint.address()).isLoopbackAddress()).isTrue();
        String expectedLine =
            endpoint.host().equals(endpoint.address())
                ? endpoint.address() + ":" + endpoint.port()
                : endpoint.host() + ":" + endpoint.port() + " " + endpoint.address();
        // A STARTTLS or DTLS endpoint's line starts with a scheme, e.g. smtp:// or dtls://
        assertThat(endpoint.hostLine())
            .as(endpoint.name())
            .matches("([a-z0-9-]+://)?" + Pattern.quote(expectedLine));
      }
    }
  }

  @Test
  void expectationsFollowTheReportContract() {
    try (DemoFleet fleet = DemoFleet.start()) {
      assertThat(fleet.endpoint("good").expected()).isEqualTo(Expectation.clean());
      assertThat(fleet.endpoint("expired").expected().trustErrors()).containsExactly("expired");
      assertThat(fleet.endpoint("wrong-host").expected().hostnameMatch()).isFalse();
      assertThat(fleet.endpoint("tarpit").expected().errorKind()).isEqualTo("timeout");
      assertThat(fleet.endpoint("drip").expected().errorKind()).isEqualTo("timeout");
      assertThat(fleet.endpoint("ssh-banner").expected().errorKind()).isEqualTo("not_tls");
      assertThat(fleet.endpoint("reset").expected().errorKind()).isEqualTo("reset");
      assertThat(fleet.endpoint("closed-port").expected().errorKind()).isEqualTo("refused");
      assertThat(fleet.endpoint("alert").expected().errorKind()).isEqualTo("tls_alert");
      assertThatThrownBy(() -> fleet.endpoint("nonexistent"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void hostListAndCaFileAreWrittenForTheScanner(@TempDir Path directory) throws Exception {
    try (DemoFleet fleet = DemoFleet.start()) {
      // When the host list is written
      Path hosts = directory.resolve("hosts.txt");
      fleet.writeHostList(hosts);

      // Then its target lines are the endpoints' host lines, in order, between comments
      List<String> targets =
          Files.readAllLines(hosts).stream().filter(line -> !line.startsWith("#")).toList();
      assertThat(targets)
          .containsExactlyElementsOf(
              fleet.endpoints().stream().map(DemoEndpoint::hostLine).toList());

      // And the CA file holds the demo root as PEM
      assertThat(Files.readString(fleet.caFile())).isEqualTo(fleet.caPem());
      assertThat(
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(fleet.caPem().getBytes(StandardCharsets.US_ASCII))))
          .isEqualTo(fleet.caCertificate());
    }
  }

  @Test
  void closeStopsEveryServerAndConnectionAndDeletesTheCaFile() throws Exception {
    // Given a running fleet with an open connection to its tarpit
    DemoFleet fleet = DemoFleet.start();
    List<DemoEndpoint> endpoints = fleet.endpoints();
    Path caFile = fleet.caFile();
    DemoEndpoint tarpit = fleet.endpoint("tarpit");
    try (Socket held = new Socket(tarpit.address(), tarpit.port())) {
      held.setSoTimeout(5_000);

      // When the fleet is closed (twice: close is idempotent)
      fleet.close();
      fleet.close();

      // Then the held connection ends, every port refuses, and the CA file is gone
      assertThat(endsOrResets(held)).isTrue();
    }
    for (DemoEndpoint endpoint : endpoints) {
      assertThatThrownBy(() -> connectAndClose(endpoint))
          .as(endpoint.name())
          .isInstanceOf(ConnectException.class);
    }
    assertThat(caFile).doesNotExist();
  }

  @Test
  void startRefusesBaseAddressesThatAreNotUsableLoopback() {
    for (String base : Set.of("192.0.2.0", "::1", "127.0.0.240")) {
      assertThatThrownBy(() -> DemoFleet.start(InetAddress.getByName(base)))
          .as(base)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static boolean endsOrResets(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (IOException e) {
      return e.getMessage().contains("reset");
    }
  }

  private static void connectAndClose(DemoEndpoint endpoint) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), 2_000);
    }
  }
}
