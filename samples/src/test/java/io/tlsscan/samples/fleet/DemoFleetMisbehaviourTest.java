package io.tlsscan.samples.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.samples.fleet.TestTlsClient.Outcome;
import io.tlsscan.samples.fleet.TestTlsClient.Outcome.Failed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The non-TLS endpoints of the demo fleet misbehave the way their names say. */
class DemoFleetMisbehaviourTest {
  /** The first bytes of a TLS 1.2 ClientHello record; the servers only need to see something. */
  private static final byte[] HELLO_START = {0x16, 0x03, 0x01, 0x00, 0x40, 0x01, 0x00, 0x00, 0x3c};

  private static final int READ_TIMEOUT_MS = 5_000;

  private static DemoFleet fleet;

  @BeforeAll
  static void startFleet() {
    fleet = DemoFleet.start();
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @Test
  void tarpitAcceptsAndStaysSilent() throws IOException {
    try (Socket socket = connect("tarpit")) {
      // Given a connection that said hello
      socket.getOutputStream().write(HELLO_START);
      socket.setSoTimeout(1_000);

      // Then nothing comes back within a second, and the connection is not closed either
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void dripSendsATlsRecordHeaderOneByteAtATime() throws IOException {
    try (Socket socket = connect("drip")) {
      InputStream in = socket.getInputStream();

      assertThat(in.read()).as("handshake record type").isEqualTo(0x16);
      assertThat(in.read()).as("version major").isEqualTo(0x03);
    }
  }

  @Test
  void dripStreamIsAHandshakeRecordOfMaximumLength() {
    byte[] header = new byte[5];
    for (int i = 0; i < header.length; i++) {
      header[i] = DripHandler.byteAt(i);
    }

    assertThat(header).containsExactly(0x16, 0x03, 0x03, 0x40, 0x00);
    assertThat(DripHandler.byteAt(1_000_000)).isZero();
  }

  @Test
  void plainHttpAnswersBadRequestAndCloses() throws IOException {
    try (Socket socket = connect("plain-http")) {
      socket.getOutputStream().write(HELLO_START);

      String reply =
          new String(socket.getInputStream().readNBytes(4096), StandardCharsets.US_ASCII);

      assertThat(reply).startsWith("HTTP/1.1 400 Bad Request\r\n");
    }
  }

  @Test
  void sshBannerSpeaksFirst() throws IOException {
    try (Socket socket = connect("ssh-banner")) {
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      assertThat(reader.readLine()).isEqualTo("SSH-2.0-OpenSSH_9.2");
    }
  }

  @Test
  void resetAnswersTheHelloWithATcpReset() throws IOException {
    try (Socket socket = connect("reset")) {
      socket.getOutputStream().write(HELLO_START);

      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void alertAnswersAnyHelloWithAFatalHandshakeFailureAlert() throws IOException {
    try (Socket socket = connect("alert")) {
      socket.getOutputStream().write(HELLO_START);

      byte[] reply = socket.getInputStream().readAllBytes();

      assertThat(reply).containsExactly(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28);
    }
  }

  @Test
  void alertEndsARealHandshakeWithHandshakeFailure() throws Exception {
    try (TestTlsClient client = new TestTlsClient()) {
      Outcome outcome = client.handshake(fleet.endpoint("alert"));

      assertThat(outcome).isInstanceOf(Failed.class);
      assertThat(((Failed) outcome).cause())
          .isInstanceOf(SSLException.class)
          .hasMessageContaining("HANDSHAKE_FAILURE");
    }
  }

  @Test
  void closedPortRefusesConnections() {
    assertThatThrownBy(() -> connect("closed-port").close()).isInstanceOf(ConnectException.class);
  }

  private static Socket connect(String name) throws IOException {
    DemoEndpoint endpoint = fleet.endpoint(name);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(endpoint.address(), endpoint.port()), READ_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }
}
