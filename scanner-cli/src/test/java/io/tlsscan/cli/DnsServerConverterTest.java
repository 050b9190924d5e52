package io.tlsscan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

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

  private static InetSocketAddress at(String address, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(address), port);
  }
}
