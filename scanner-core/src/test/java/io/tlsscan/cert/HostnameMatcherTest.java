package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnameMatcherTest {
  private static final byte[] LOOPBACK_V4 = {127, 0, 0, 1};
  private static final byte[] LOOPBACK_V6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "shop.example.com, shop.example.com, true",
    "SHOP.Example.COM, shop.example.com, true",
    "shop.example.com, SHOP.EXAMPLE.COM, true",
    "shop.example.com., shop.example.com, true",
    "shop.example.com, shop.example.com., true",
    "shop.example.com, example.com, false",
    "example.com, shop.example.com, false",
    "a.example.com, *.example.com, true",
    "A.EXAMPLE.com, *.Example.COM, true",
    "a.b.example.com, *.example.com, false",
    "example.com, *.example.com, false",
    ".example.com, *.example.com, false",
    "foo.example.com, f*.example.com, false",
    "foo.example.com, *oo.example.com, false",
    "foo.example.com, foo.*.com, false",
    "foo.example.com, *.*.com, false",
    "example.com, *.com, false",
    "a.com, *.com, false",
    "shop.co.uk, *.co.uk, false",
    "shop.example.co.uk, *.example.co.uk, true",
    "a.b.ck, *.b.ck, false",
    "a.www.ck, *.www.ck, true",
    "pages.github.io, *.github.io, true",
    "com, *, false",
    "a..example.com, *..example.com, false",
    "*.example.com, *.example.com, false",
    "xn--bcher-kva.example, xn--bcher-kva.example, true",
    "bücher.example, xn--bcher-kva.example, true",
    "BÜCHER.example, xn--bcher-kva.example, true",
    "bücher.shop.example, *.shop.example, true",
    "shop.example, *.example, false",
    "bücher.example, bücher.example, false",
    "127.0.0.1, 127.0.0.1, false",
  })
  void dnsNames(String host, String presented, boolean expected) {
    assertThat(HostnameMatcher.matchesDnsName(host, presented))
        .as("%s against SAN %s", host, presented)
        .isEqualTo(expected);
  }

  @Test
  void ipv4HostMatchesOnlyIpAddressEntries() {
    // Given a certificate naming 127.0.0.1 both as dNSName and iPAddress
    // Then only the iPAddress entry counts for an IP literal host
    assertThat(HostnameMatcher.matches("127.0.0.1", List.of("127.0.0.1"), List.of())).isFalse();
    assertThat(HostnameMatcher.matches("127.0.0.1", List.of(), List.of(LOOPBACK_V4))).isTrue();
    assertThat(HostnameMatcher.matches("127.0.0.2", List.of(), List.of(LOOPBACK_V4))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"::1", "[::1]", "0:0:0:0:0:0:0:1", "0000:0000::0001", "::1%lo"})
  void ipv6HostMatchesInAnySpelling(String host) {
    assertThat(HostnameMatcher.matches(host, List.of(), List.of(LOOPBACK_V6))).isTrue();
    assertThat(HostnameMatcher.matches(host, List.of(), List.of(LOOPBACK_V4))).isFalse();
  }

  @Test
  void dnsHostDoesNotMatchIpAddressEntries() {
    assertThat(HostnameMatcher.matches("localhost", List.of(), List.of(LOOPBACK_V4))).isFalse();
  }

  @Test
  void hostileNamesNeverMatchAndNeverThrow() {
    String huge = "a".repeat(10_000) + ".example.com";
    assertThat(HostnameMatcher.matches(huge, List.of("*.example.com", huge), List.of())).isFalse();
    assertThat(HostnameMatcher.matches("", List.of("", "*"), List.of(new byte[0]))).isFalse();
    assertThat(HostnameMatcher.matchesDnsName("a.example.com", "*.exämple.com")).isFalse();
  }
}
