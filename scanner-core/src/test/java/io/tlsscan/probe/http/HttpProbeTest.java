package io.tlsscan.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.net.ConnectionTracker;
import io.tlsscan.net.Endpoint;
import io.tlsscan.probe.raw.ProbeTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The Host header names the target as the handshake does. */
class HttpProbeTest {

  private static String host(String address, int port, String serverName)
      throws UnknownHostException {
    return HttpProbe.hostHeader(
        new ProbeTarget(
            Endpoint.tls(new InetSocketAddress(InetAddress.getByName(address), port), serverName),
            ConnectionTracker.NONE,
            1));
  }

  @Test
  void namesTheSniNameAndThePortUnless443() throws UnknownHostException {
    assertThat(host("192.0.2.1", 443, "www.example")).isEqualTo("www.example");
    assertThat(host("192.0.2.1", 8443, "www.example")).isEqualTo("www.example:8443");
  }

  @Test
  void namesAnIpLiteralWithoutSniIpv6InBracketsCompressed() throws UnknownHostException {
    assertThat(host("192.0.2.1", 443, null)).isEqualTo("192.0.2.1");
    assertThat(host("2001:db8:0:0:0:0:0:1", 8443, null)).isEqualTo("[2001:db8::1]:8443");
    assertThat(host("::1", 443, null)).isEqualTo("[::1]");
  }
}
