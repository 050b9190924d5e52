package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AddressRangeTest {
  private final TargetParser parser = new TargetParser();

  private List<HostListEntry> parse(String line) {
    return parser.parse(line, 3).collect(Collectors.toList());
  }

  private String reason(String line) {
    List<HostListEntry> entries = parse(line);
    assertThat(entries).hasSize(1).first().isInstanceOf(InvalidTarget.class);
    return ((InvalidTarget) entries.get(0)).reason();
  }

  @Test
  void ipv4RangeGivesEveryAddressOnTheSameLine() {
    List<HostListEntry> entries = parse("10.1.2.0/30");

    assertThat(entries)
        .extracting(entry -> ((Target) entry).host())
        .containsExactly("10.1.2.0", "10.1.2.1", "10.1.2.2", "10.1.2.3");
    assertThat(entries)
        .allSatisfy(
            entry -> {
              Target target = (Target) entry;
              assertThat(target.line()).isEqualTo(3);
              assertThat(target.input()).isEqualTo("10.1.2.0/30");
              assertThat(target.port()).isEqualTo(443);
              assertThat(target.sni()).isNull();
              assertThat(IpAddresses.format(target.connectAddress())).isEqualTo(target.host());
            });
  }

  @Test
  void rangeWithPortListGivesEachAddressOnEachPort() {
    assertThat(parse("192.0.2.254/31:443,8443"))
        .extracting(entry -> ((Target) entry).host() + " " + ((Target) entry).port())
        .containsExactly(
            "192.0.2.254 443", "192.0.2.254 8443", "192.0.2.255 443", "192.0.2.255 8443");
  }

  @Test
  void ipv6RangeInBracketsTakesPorts() {
    assertThat(parse("[2001:db8::]/126:8443"))
        .extracting(entry -> ((Target) entry).host() + " " + ((Target) entry).port())
        .containsExactly(
            "2001:db8:: 8443", "2001:db8::1 8443", "2001:db8::2 8443", "2001:db8::3 8443");
  }

  @Test
  void bareIpv6Range() {
    assertThat(parse("2001:db8::100/127"))
        .extracting(entry -> ((Target) entry).host())
        .containsExactly("2001:db8::100", "2001:db8::101");
  }

  @Test
  void singleAddressRanges() {
    assertThat(parse("192.0.2.7/32"))
        .extracting(e -> ((Target) e).host())
        .containsExactly("192.0.2.7");
    assertThat(parse("::1/128")).extracting(e -> ((Target) e).host()).containsExactly("::1");
  }

  @Test
  void largestAllowedRangesHave65536Addresses() {
    assertThat(parser.parse("10.7.0.0/16", 1).count()).isEqualTo(65536);
    assertThat(parser.parse("[2001:db8::]/112:443,8443", 1).count()).isEqualTo(131072);
    assertThat(parser.parse("10.7.0.0/16", 1).reduce((first, second) -> second))
        .get()
        .extracting(entry -> ((Target) entry).host())
        .isEqualTo("10.7.255.255");
  }

  @Test
  void expansionIsLazy() {
    // Given a /16 on 800 ports: 52 million targets, several gigabytes if materialised
    String ports =
        Stream.iterate(1, p -> p + 1)
            .limit(800)
            .map(String::valueOf)
            .collect(Collectors.joining(","));

    // When the first three are taken through an iterator (as the reader does)
    Iterator<HostListEntry> entries = parser.parse("10.9.0.0/16:" + ports, 1).iterator();

    // Then they come one by one, in address-then-port order, within the 1 GB test heap
    assertThat(List.of(entries.next(), entries.next(), entries.next()))
        .extracting(entry -> ((Target) entry).host() + ":" + ((Target) entry).port())
        .containsExactly("10.9.0.0:1", "10.9.0.0:2", "10.9.0.0:3");
  }

  @Test
  void tooWideRangesNameTheLimit() {
    assertThat(reason("10.0.0.0/8"))
        .isEqualTo(
            "range \"10.0.0.0/8\" is too large: IPv4 ranges must be /16 or longer (at most 65536"
                + " addresses)");
    assertThat(reason("[2001:db8::]/64:443"))
        .isEqualTo(
            "range \"[2001:db8::]/64:443\" is too large: IPv6 ranges must be /112 or longer (at"
                + " most 65536 addresses)");
    assertThat(reason("0.0.0.0/0")).contains("is too large");
  }

  @Test
  void badRangesAreInvalid() {
    assertThat(reason("10.1.2.1/30"))
        .isEqualTo("range \"10.1.2.1/30\" has host bits set; the network is 10.1.2.0/30");
    assertThat(reason("10.1.2.0/33"))
        .isEqualTo("prefix length \"33\" in range \"10.1.2.0/33\" is not a number 0-32");
    assertThat(reason("10.1.2.0/")).contains("prefix length \"\"");
    assertThat(reason("10.1.2.0/x")).contains("prefix length \"x\"");
    assertThat(reason("2001:db8::/129")).contains("is not a number 0-128");
    assertThat(reason("example.com/30"))
        .isEqualTo("range \"example.com/30\" does not start with an IP address");
    assertThat(reason("[10.0.0.0]/30")).contains("does not start with an IP address");
  }

  @Test
  void connectAddressCannotBeUsedWithARange() {
    assertThat(reason("10.1.2.0/30 10.0.0.1"))
        .isEqualTo("connect address \"10.0.0.1\" cannot be used with the range \"10.1.2.0/30\"");
  }
}
