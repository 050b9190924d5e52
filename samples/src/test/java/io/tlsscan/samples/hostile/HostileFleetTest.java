package io.tlsscan.samples.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.hostile.RawTlsConnection.TlsRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile fleet: how it is started, described and stopped, and — looking at the raw bytes on
 * the wire — that each server misbehaves exactly the way its description says.
 */
class HostileFleetTest {
  private static final List<String> NAMES =
      List.of(
          "silent",
          "drip",
          "stalled-record",
          "short-record",
          "oversized-record",
          "hello-request-flood",
          "warning-alert-flood",
          "endless-app-data",
          "trickled-certificate",
          "endless-retry",
          "garbage-after-hello",
          "reset-mid-flight",
          "huge-chain",
          "long-chain",
          "many-sans",
          "one-byte-records");

  private static final int STALL_CHECK_MS = 500;

  private static HostileFleet fleet;

  @BeforeAll
  static void startFleet() {
    fleet = HostileFleet.start();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @Test
  void everyEndpointHasItsOwnAddressAfterTheBaseAndAHostLineThatNamesIt() {
    List<DemoEndpoint> endpoints = fleet.endpoints();

    assertThat(endpoints.stream().map(DemoEndpoint::name)).containsExactlyElementsOf(NAMES);
    assertThat(endpoints.get(0).address()).isEqualTo("127.0.88.1");
    assertThat(endpoints.stream().map(DemoEndpoint::address).collect(Collectors.toSet()))
        .hasSize(endpoints.size());
    for (DemoEndpoint endpoint : endpoints) {
      assertThat(endpoint.host()).isEqualTo(endpoint.name() + ".hostile.test");
      assertThat(endpoint.hostLine())
          .isEqualTo(endpoint.host() + ":" + endpoint.port() + " " + endpoint.address());
      assertThat(endpoint.description()).isNotBlank();
    }
  }

  @Test
  void expectationsSayWhatACarefulScanReports() {
    assertThat(fleet.endpoint("drip").expected().errorKind()).isEqualTo("timeout");
    assertThat(fleet.endpoint("reset-mid-flight").expected().errorKind()).isEqualTo("reset");
    assertThat(fleet.endpoint("warning-alert-flood").expected().errorKind())
        .isEqualTo("handshake_failed");
    assertThat(fleet.endpoint("many-sans").expected().trusted()).isTrue();
    assertThatThrownBy(() -> fleet.endpoint("nonexistent"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hostListAndCaFileAreWrittenForTheScanner(@TempDir Path directory) throws Exception {
    Path hosts = directory.resolve("hosts.txt");
    fleet.writeHostList(hosts);

    List<String> targets =
        Files.readAllLines(hosts).stream().filter(line -> !line.startsWith("#")).toList();
    assertThat(targets)
        .containsExactlyElementsOf(fleet.endpoints().stream().map(DemoEndpoint::hostLine).toList());
    assertThat(
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(fleet.caFile()))))
        .isEqualTo(fleet.caCertificate());
  }

  @Test
  void closeStopsEveryServerDeletesTheCaFileAndCanBeRepeated() throws IOException {
    HostileFleet other = HostileFleet.start(InetAddress.getByName("127.0.89.0"));
    DemoEndpoint silent = other.endpoint("silent");
    Path caFile = other.caFile();

    other.close();
    other.close();

    assertThat(caFile).doesNotExist();
    try (Socket socket = new Socket()) {
      assertThatThrownBy(
              () -> socket.connect(new InetSocketAddress(silent.address(), silent.port()), 2_000))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void onlyAnIpv4LoopbackBaseIsAccepted() {
    assertThatThrownBy(() -> HostileFleet.start(InetAddress.getByName("192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostileFleet.start(InetAddress.getByName("::1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HostileFleet.start(InetAddress.getByName("127.0.0.250")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no room");
  }

  @Test
  void stalledRecordSendsAHeaderAnnouncing16KiBAndNothingMore() throws IOException {
    try (RawTlsConnection connection = connect("stalled-record")) {
      assertThat(connection.readUpTo(5)).containsExactly(0x16, 0x03, 0x03, 0x40, 0x00);
      assertStaysSilent(connection);
    }
  }

  @Test
  void shortRecordClaimsAThousandBytesSendsAHundredAndCloses() throws IOException {
    try (RawTlsConnection connection = connect("short-record")) {
      byte[] received = connection.readUpTo(2_000);
      assertThat(received).hasSize(5 + 100);
      assertThat(((received[3] & 0xff) << 8) | (received[4] & 0xff)).isEqualTo(1000);
    }
  }

  @Test
  void oversizedRecordIsLongerThanAnyRecordMayBe() throws IOException {
    try (RawTlsConnection connection = connect("oversized-record")) {
      TlsRecord record = connection.readRecord();
      assertThat(record.type()).isEqualTo(TlsBytes.HANDSHAKE);
      assertThat(record.length()).isEqualTo((1 << 14) + 2048 + 1);
      assertStaysSilent(connection);
    }
  }

  @Test
  void floodsRepeatTheirRecordWithoutEnd() throws IOException {
    assertFloodOf("hello-request-flood", TlsBytes.HANDSHAKE, new byte[] {0, 0, 0, 0}, 1_000);
    assertFloodOf("warning-alert-flood", TlsBytes.ALERT, new byte[] {1, 90}, 1_000);
    assertFloodOf("endless-app-data", TlsBytes.APPLICATION_DATA, null, 64);
  }

  @Test
  void trickledCertificateSendsAServerHelloThenACertificateInSmallRecordsPastTheByteCap()
      throws IOException {
    try (RawTlsConnection connection = connect("trickled-certificate")) {
      assertThat(connection.readRecord().body()[0]).isEqualTo((byte) TlsBytes.SERVER_HELLO);
      assertThat(connection.readRecord().body())
          .as("Certificate header")
          .isEqualTo(
              TlsBytes.handshakeHeader(
                  TlsBytes.CERTIFICATE, HostileCatalog.TRICKLED_CERTIFICATE_BYTES));
      long onTheWire = 0;
      while (onTheWire <= 2 * 256 * 1024) {
        TlsRecord record = connection.readRecord();
        assertThat(record.type()).isEqualTo(TlsBytes.HANDSHAKE);
        assertThat(record.length()).isEqualTo(HostileCatalog.TRICKLE_RECORD_BYTES);
        onTheWire += 5 + record.length();
      }
    }
  }

  @Test
  void hugeChainSendsAServerHelloThenACertificateMessageOfOverOneMebibyte() throws IOException {
    try (RawTlsConnection connection = connect("huge-chain")) {
      assertThat(connection.readRecord().body()[0]).isEqualTo((byte) TlsBytes.SERVER_HELLO);
      byte[] first = connection.readRecord().body();
      assertThat(first[0]).as("Certificate type").isEqualTo((byte) TlsBytes.CERTIFICATE);
      int length = ((first[1] & 0xff) << 16) | ((first[2] & 0xff) << 8) | (first[3] & 0xff);
      assertThat(length).isGreaterThan(HostileCatalog.HUGE_CHAIN_BYTES);
      int received = first.length - 4;
      while (received < length) {
        received += connection.readRecord().length();
      }
      assertThat(received).isEqualTo(length);
    }
  }

  @Test
  void endlessRetryAnswersEveryHelloWithAHelloRetryRequest() throws IOException {
    try (RawTlsConnection connection = connect("endless-retry")) {
      for (int hello = 1; hello <= 2; hello++) {
        // Given a ClientHello (sent once on connect, then again)
        if (hello > 1) {
          connection.sendClientHello();
        }
        // Then the answer is a HelloRetryRequest echoing the hello's session id
        TlsRecord record = connection.readRecord();
        byte[] body = record.body();
        assertThat(record.type()).as("hello %d", hello).isEqualTo(TlsBytes.HANDSHAKE);
        assertThat(body[0]).as("ServerHello type").isEqualTo((byte) TlsBytes.SERVER_HELLO);
        assertThat(Arrays.copyOfRange(body, 6, 38))
            .as("HelloRetryRequest random")
            .isEqualTo(TlsBytes.HELLO_RETRY_REQUEST_RANDOM);
        byte[] sessionId = connection.clientSessionId();
        assertThat(Arrays.copyOfRange(body, 39, 39 + body[38]))
            .as("echoed session id")
            .isEqualTo(sessionId);
      }
    }
  }

  @Test
  void garbageAfterHelloSendsAServerHelloThenBytesThatAreNoRecord() throws IOException {
    try (RawTlsConnection connection = connect("garbage-after-hello")) {
      TlsRecord hello = connection.readRecord();
      assertThat(hello.type()).isEqualTo(TlsBytes.HANDSHAKE);
      assertThat(hello.body()[0]).isEqualTo((byte) TlsBytes.SERVER_HELLO);
      assertThat(connection.readUpTo(4096)).startsWith(0xde, 0xad, 0xbe, 0xef).hasSize(4096);
      assertStaysSilent(connection);
    }
  }

  @Test
  void oneByteRecordsSplitsTheWholePlaintextHandshakeIntoOneByteRecords() throws IOException {
    try (RawTlsConnection connection = connect("one-byte-records")) {
      // The ServerHello, the certificate and the key exchange: several hundred bytes at least
      for (int i = 0; i < 500; i++) {
        TlsRecord record = connection.readRecord();
        assertThat(record.type()).as("record %d", i).isEqualTo(TlsBytes.HANDSHAKE);
        assertThat(record.length()).as("record %d", i).isEqualTo(1);
      }
    }
  }

  @Test
  void resetMidFlightSendsPartOfItsFlightThenResets() throws IOException {
    try (RawTlsConnection connection = connect("reset-mid-flight")) {
      // When everything the server sends is read
      int received = 0;
      IOException ending = null;
      try {
        while (received <= HostileCatalog.BYTES_BEFORE_RESET) {
          int b = connection.read();
          if (b < 0) {
            break;
          }
          received++;
        }
      } catch (IOException e) {
        ending = e;
      }
      // Then it is the first part of the flight, ended by a reset rather than a close
      assertThat(received).isEqualTo(HostileCatalog.BYTES_BEFORE_RESET);
      assertThat(ending).isInstanceOf(SocketException.class).hasMessageContaining("reset");
    }
  }

  private static void assertFloodOf(String name, int type, byte[] body, int records)
      throws IOException {
    try (RawTlsConnection connection = connect(name)) {
      for (int i = 0; i < records; i++) {
        TlsRecord record = connection.readRecord();
        assertThat(record.type()).as("%s record %d", name, i).isEqualTo(type);
        if (body != null) {
          assertThat(record.body()).as("%s record %d", name, i).isEqualTo(body);
        } else {
          assertThat(record.length()).as("%s record %d", name, i).isEqualTo(1 << 14);
        }
      }
    }
  }

  private static RawTlsConnection connect(String name) throws IOException {
    return new RawTlsConnection(fleet.endpoint(name)).sendClientHello();
  }

  private static void assertStaysSilent(RawTlsConnection connection) throws IOException {
    connection.setReadTimeout(STALL_CHECK_MS);
    assertThatThrownBy(connection::read).isInstanceOf(SocketTimeoutException.class);
  }
}
