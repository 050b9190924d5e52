package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @CsvSource({
    "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "1:0:0:0:0:0:0:0, 1::",
    "FE80:0000:0000:0000:0202:B3FF:FE1E:8329, fe80::202:b3ff:fe1e:8329",
    "::ffff:10.0.0.1, ::ffff:10.0.0.1",
    "::10.0.0.1, ::a00:1",
    "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
    "192.0.2.1, 192.0.2.1"
  })
  void formatsAsRfc5952(String literal, String canonical) {
    InetAddress address = IpAddresses.parse(literal).orElseThrow();

    assertThat(IpAddresses.format(address)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":",
        ":::",
        "1::2::3",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7::8",
        "12345::",
        "g::",
        ":1::",
        "1::2:",
        "1.2.3.4::",
        "::1.2.3",
        "::1.2.3.256",
        "fe80::1%1",
        "[::1]",
        "1.2.3",
        "1.2.3.4.",
        " 1.2.3.4",
        "01.2.3.4",
        "1.2.3.4/32",
        "localhost",
        "\uff11.2.3.4",
        "::\uff11"
      })
  void rejectsAnythingButStrictLiterals(String text) {
    assertThat(IpAddresses.parse(text)).as("parse(%s)", text).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:192.0.2.1", "::1", "2001:db8::"})
  void ipv6LiteralsStayIpv6(String text) {
    assertThat(IpAddresses.parse(text)).get().isInstanceOf(Inet6Address.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255"})
  void ipv4LiteralsAreIpv4(String text) {
    assertThat(IpAddresses.parse(text)).get().isInstanceOf(Inet4Address.class);
  }
}
