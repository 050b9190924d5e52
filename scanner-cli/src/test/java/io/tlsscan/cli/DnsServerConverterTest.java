package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DnsServerConverterTest {
  private final DnsServerConverter converter = new DnsServerConverter();

  @Test
  void addressesTakePort53UnlessAPortIsGiven() throws Exception {
    assertThat(converter.convert("9.9.9.9")).isEqualTo(at("9.9.9.9", 53));
    assertThat(converter.convert("127.0.0.53:5353")).isEqualTo(at("127.0.0.53", 5353));
    assertThat(converter.convert("2001:db8::53")).isEqualTo(at("2001:db8::53", 53));
    assertThat(converter.convert("[2001:db8::53]")).isEqualTo(at("2001:db8::53", 53));
    assertThat(converter.convert("[2001:db8::53]:5353")).isEqualTo(at("2001:db8::53", 5353));
  }

  @Test
  void spacesAroundAValueAreIgnored() throws Exception {
    assertThat(converter.convert(" 1.1.1.1 ")).isEqualTo(at("1.1.1.1", 53));
  }

  @Test
  void anIpv6AddressTakesAPortOnlyInBrackets() throws Exception {
    assertThat(converter.convert("2001:db8::53:5353")).isEqualTo(at("2001:db8::53:5353", 53));
  }

  @Test
  void malformedValuesAreRefusedNamingThem() {
    for (String bad :
        List.of(
            "dns.example",
            "300.1.1.1",
            "127.0.0.1:0",
            "1.1.1.1:65536",
            "1.1.1.1:",
            "[::1",
            "[::1]5353",
            "[::1]:x",
            "")) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("'" + bad.strip() + "' is not an IP address");
    }
  }

  @Test
  void zoneIdsAreRefusedRatherThanDropped() {
    assertThatThrownBy(() -> converter.convert("fe80::1%eth0"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("zone ids are not supported");
  }

  private static InetSocketAddress at(String address, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(address), port);
  }
}
