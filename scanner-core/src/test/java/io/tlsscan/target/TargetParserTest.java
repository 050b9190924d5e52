package io.tlsscan.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetParserTest {
  private final TargetParser parser = new TargetParser();

  private List<HostListEntry> parse(String line) {
    return parser.parse(line, 7).collect(Collectors.toList());
  }

  private Target single(String line) {
    List<HostListEntry> entries = parse(line);
    assertThat(entries).as("entries of %s", line).hasSize(1);
    assertThat(entries.get(0)).as("entry of %s", line).isInstanceOf(Target.class);
    return (Target) entries.get(0);
  }

  private String reason(String line) {
    List<HostListEntry> entries = parse(line);
    assertThat(entries).as("entries of %s", line).hasSize(1);
    assertThat(entries.get(0)).as("entry of %s", line).isInstanceOf(InvalidTarget.class);
    InvalidTarget invalid = (InvalidTarget) entries.get(0);
    assertThat(invalid.line()).isEqualTo(7);
    return invalid.reason();
  }

  @Test
  void dnsNameGetsDefaultPortAndIsItsOwnSni() {
    Target target = single("example.com");

    assertThat(target)
        .isEqualTo(new Target("example.com", 7, "example.com", 443, null, "example.com"));
  }

  @Test
  void starttlsProtocolForAllLinesSetsProtocolAndDefaultPort() {
    TargetParser imap = new TargetParser(StarttlsMode.parse("IMAP"));

    Target bare = (Target) imap.parse("mail.example.com", 1).findFirst().orElseThrow();
    Target withPort = (Target) imap.parse("mail.example.com:1143", 2).findFirst().orElseThrow();

    assertThat(bare.port()).isEqualTo(143);
    assertThat(bare.starttls()).isEqualTo(StarttlsProtocol.IMAP);
    assertThat(withPort.port()).isEqualTo(1143);
    assertThat(withPort.starttls()).isEqualTo(StarttlsProtocol.IMAP);
    assertThatThrownBy(() -> StarttlsMode.parse("gopher"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unknown STARTTLS protocol \"gopher\"; expected auto, none or one of smtp, submission");
  }

  @ParameterizedTest
  @CsvSource({
    "mail.example.com:25, SMTP",
    "mail.example.com:587, SUBMISSION",
    "mail.example.com:143, IMAP",
    "mail.example.com:110, POP3",
    "ftp.example.com:21, FTP",
    "ldap.example.com:389, LDAP",
    "chat.example.com:5222, XMPP",
    "chat.example.com:5269, XMPP_SERVER",
    "news.example.com:119, NNTP",
    "mail.example.com:4190, SIEVE",
    "db.example.com:5432, POSTGRES",
    "db.example.com:3306, MYSQL"
  })
  void autoPicksTheProtocolOfAWellKnownPort(String line, StarttlsProtocol expected) {
    assertThat(single(line).starttls()).isEqualTo(expected);
    Target none =
        (Target)
            new TargetParser(StarttlsMode.parse("none")).parse(line, 1).findFirst().orElseThrow();
    assertThat(none.starttls()).as("--starttls none").isNull();
  }

  @Test
  void autoLeavesOtherPortsPlainTls() {
    assertThat(single("example.com").starttls()).isNull();
    assertThat(single("example.com:8443").starttls()).isNull();
    assertThat(single("irc.example.com:6667").starttls()).as("IRC only when asked for").isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "smtp://mail.example.com, 25, SMTP",
    "imap://host.example:1143, 1143, IMAP",
    "SUBMISSION://mail.example.com, 587, SUBMISSION",
    "xmpp-server://chat.example.com, 5269, XMPP_SERVER",
    "irc://irc.example.com, 6667, IRC",
    "postgres://db.example.com/x, 5432, POSTGRES",
    "mysql://db.example.com, 3306, MYSQL",
    "ldap://dir.example.com, 389, LDAP"
  })
  void starttlsSchemesSetProtocolAndPort(String line, int port, StarttlsProtocol protocol) {
    Target target = single(line);

    assertThat(target.host()).isNotBlank();
    assertThat(target.port()).isEqualTo(port);
    assertThat(target.starttls()).isEqualTo(protocol);
  }

  @ParameterizedTest
  @CsvSource({"smtps, 465", "imaps, 993", "pop3s, 995", "ldaps, 636", "ftps, 990", "https, 443"})
  void implicitTlsSchemesSetOnlyThePort(String scheme, int port) {
    Target target = single(scheme + "://mail.example.com");

    assertThat(target.port()).isEqualTo(port);
    assertThat(target.starttls()).isNull();
    assertThat(single(scheme + "://mail.example.com:25").starttls())
        .as("an explicit scheme wins over --starttls auto")
        .isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "https://www.example.com, true",
    "www.example.com, true",
    "www.example.com:8443, true",
    "smtps://mail.example.com, false",
    "imaps://mail.example.com, false",
    "ldaps://ldap.example.com, false",
    "smtp://mail.example.com, false",
    "mail.example.com:25, false",
    "dtls://vpn.example.com:4433, false"
  })
  void onlyTlsFromTheFirstByteWithoutAnotherServicesSchemeMayServeHttp(String line, boolean http) {
    assertThat(single(line).mayServeHttp()).as(line).isEqualTo(http);
  }

  @Test
  void schemeWinsOverFixedProtocolAndConnectAddressWorks() {
    Target target =
        (Target)
            new TargetParser(StarttlsMode.parse("imap"))
                .parse("smtp://mail.example.com 10.0.0.7", 1)
                .findFirst()
                .orElseThrow();

    assertThat(target.starttls()).isEqualTo(StarttlsProtocol.SMTP);
    assertThat(target.port()).isEqualTo(25);
    assertThat(target.connectAddress().getHostAddress()).isEqualTo("10.0.0.7");
    assertThat(target.sni()).isEqualTo("mail.example.com");
  }

  @Test
  void hostWithPort() {
    Target target = single("example.com:8443");

    assertThat(target.host()).isEqualTo("example.com");
    assertThat(target.port()).isEqualTo(8443);
  }

  @ParameterizedTest
  @CsvSource({
    "Example.COM., example.com",
    "WWW.Example.com, www.example.com",
    "_acme-challenge.example.com, _acme-challenge.example.com",
    "bücher.example, xn--bcher-kva.example",
    "ÄÖÜ.DE, xn--4ca0bs.de",
    "localhost, localhost",
    "a-b.c-d.example, a-b.c-d.example",
    "123abc.example, 123abc.example"
  })
  void hostNamesAreNormalisedToLowerCaseAscii(String given, String expected) {
    Target target = single(given);

    assertThat(target.host()).isEqualTo(expected);
    assertThat(target.sni()).isEqualTo(expected);
    assertThat(target.connectAddress()).isNull();
  }

  @Test
  void longestValidNameIsAccepted() {
    String label = "a".repeat(63);
    String name = String.join(".", label, label, label, "b".repeat(61));

    assertThat(name).hasSize(253);
    assertThat(single(name).host()).isEqualTo(name);
    assertThat(single(name + ".").host()).isEqualTo(name);
  }

  @Test
  void badHostNamesAreInvalidWithTheName() {
    assertThat(reason("exa$mple.com"))
        .isEqualTo("\"exa$mple.com\" is not a valid host name: character \"$\" not allowed");
    assertThat(reason("-bad.example"))
        .isEqualTo(
            "\"-bad.example\" is not a valid host name: label \"-bad\" starts or ends with a"
                + " hyphen");
    assertThat(reason("1.2.3.-4")).contains("label \"-4\" starts or ends with a hyphen");
    assertThat(reason("bad-.example")).contains("label \"bad-\" starts or ends with a hyphen");
    assertThat(reason("a..b")).isEqualTo("\"a..b\" is not a valid host name: empty label");
    assertThat(reason(".example.com")).contains("empty label");
    assertThat(reason("a".repeat(64) + ".example"))
        .contains("is not a valid host name: label longer than 63 characters");
    String tooLong =
        String.join(".", "a".repeat(63), "a".repeat(63), "a".repeat(63), "a".repeat(62));
    assertThat(reason(tooLong)).contains("is not a valid host name: longer than 253 characters");
    assertThat(reason("\uff11.\uff12.\uff13.\uff14"))
        .endsWith("is not a valid host name: the last label \"4\" is all digits");
    assertThat(reason("exa\u00a0mple.com"))
        .contains("\"exa\u00a0mple.com\" is not a valid host name");
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, 192.0.2.1, 443",
    "192.0.2.1:8443, 192.0.2.1, 8443",
    "0.0.0.0:1, 0.0.0.0, 1",
    "255.255.255.255:65535, 255.255.255.255, 65535"
  })
  void ipv4LiteralsConnectDirectlyAndSendNoSni(String given, String host, int port)
      throws Exception {
    Target target = single(given);

    assertThat(target.host()).isEqualTo(host);
    assertThat(target.port()).isEqualTo(port);
    assertThat(target.connectAddress()).isEqualTo(InetAddress.getByName(host));
    assertThat(target.sni()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1.2.3.256", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "256", "1..2.3"})
  void badIpv4LiteralsAreInvalid(String given) {
    assertThat(reason(given)).isEqualTo("\"" + given + "\" is not a valid IPv4 address");
  }

  @ParameterizedTest
  @CsvSource({
    "'[2001:db8::1]:8443', 2001:db8::1, 8443",
    "'[2001:DB8:0:0:0:0:0:1]', 2001:db8::1, 443",
    "2001:db8::1, 2001:db8::1, 443",
    "::1, ::1, 443",
    "'[::1]:443', ::1, 443",
    "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1, 443",
    "::ffff:192.0.2.1, ::ffff:192.0.2.1, 443",
    "64:ff9b::192.0.2.33, 64:ff9b::c000:221, 443"
  })
  void ipv6LiteralsAreNormalisedToCompressedForm(String given, String host, int port) {
    Target target = single(given);

    assertThat(target.host()).isEqualTo(host);
    assertThat(target.port()).isEqualTo(port);
    assertThat(target.connectAddress()).isInstanceOf(Inet6Address.class);
    assertThat(target.sni()).isNull();
  }

  @Test
  void badIpv6LiteralsAreInvalid() {
    assertThat(reason("[2001:db8::g]:443"))
        .isEqualTo("\"2001:db8::g\" is not a valid IPv6 address");
    assertThat(reason("2001:db8:::1")).isEqualTo("\"2001:db8:::1\" is not a valid IPv6 address");
    assertThat(reason("1:2:3:4:5:6:7:8:9")).contains("is not a valid IPv6 address");
    assertThat(reason("[1.2.3.4]:443")).isEqualTo("\"1.2.3.4\" is not a valid IPv6 address");
    assertThat(reason("[2001:db8::1")).isEqualTo("missing \"]\" in \"[2001:db8::1\"");
    assertThat(reason("[2001:db8::1]x"))
        .isEqualTo("unexpected \"x\" after \"]\" in \"[2001:db8::1]x\"");
    assertThat(reason("fe80::1%eth0"))
        .isEqualTo("IPv6 zone IDs are not supported: \"fe80::1%eth0\"");
  }

  @Test
  void portListGivesOneTargetPerPortOnTheSameLine() {
    List<HostListEntry> entries = parse("example.com:443,8443,993");

    assertThat(entries)
        .containsExactly(
            new Target("example.com:443,8443,993", 7, "example.com", 443, null, "example.com"),
            new Target("example.com:443,8443,993", 7, "example.com", 8443, null, "example.com"),
            new Target("example.com:443,8443,993", 7, "example.com", 993, null, "example.com"));
  }

  @Test
  void bracketedIpv6TakesAPortList() {
    assertThat(parse("[2001:db8::1]:443,8443"))
        .extracting(entry -> ((Target) entry).port())
        .containsExactly(443, 8443);
  }

  @Test
  void badPortsAreInvalidWithThePort() {
    assertThat(reason("example.com:70000")).isEqualTo("port \"70000\" out of range 1-65535");
    assertThat(reason("example.com:0")).isEqualTo("port \"0\" out of range 1-65535");
    assertThat(reason("example.com:99999999999999999999"))
        .isEqualTo("port \"99999999999999999999\" out of range 1-65535");
    assertThat(reason("example.com:https")).isEqualTo("port \"https\" is not a number");
    assertThat(reason("example.com:-1")).isEqualTo("port \"-1\" is not a number");
    assertThat(reason("example.com:")).isEqualTo("missing port after \":\"");
    assertThat(reason("example.com:443,,8443")).isEqualTo("empty port in port list");
    assertThat(reason("example.com:443,")).isEqualTo("empty port in port list");
    assertThat(reason("example.com:443,443")).isEqualTo("port 443 listed twice");
    assertThat(reason(":443")).isEqualTo("missing host in \":443\"");
  }

  @Test
  void leadingZerosInPortsAreAccepted() {
    assertThat(single("example.com:00443").port()).isEqualTo(443);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t", "# a comment", "   # indented comment", "#example.com"})
  void blankAndCommentLinesGiveNothing(String line) {
    assertThat(parse(line)).isEmpty();
  }

  @Test
  void trailingCommentIsIgnoredButKeptInInput() {
    Target target = single("  example.com:8443 10.0.0.5  # production\t");

    assertThat(target.input()).isEqualTo("example.com:8443 10.0.0.5  # production");
    assertThat(target.host()).isEqualTo("example.com");
    assertThat(target.port()).isEqualTo(8443);
  }

  @Test
  void hashInsideATokenIsNotAComment() {
    assertThat(reason("example.com:44#3")).isEqualTo("port \"44#3\" is not a number");
  }

  @Test
  void connectAddressKeepsHostAsSniName() throws Exception {
    Target target = single("expired.example:443 10.0.0.5");

    assertThat(target)
        .isEqualTo(
            new Target(
                "expired.example:443 10.0.0.5",
                7,
                "expired.example",
                443,
                InetAddress.getByName("10.0.0.5"),
                "expired.example"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::5", "[2001:db8::5]"})
  void connectAddressMayBeIpv6WithOrWithoutBrackets(String address) throws Exception {
    Target target = single("example.com\t" + address);

    assertThat(target.connectAddress()).isEqualTo(InetAddress.getByName("2001:db8::5"));
    assertThat(target.sni()).isEqualTo("example.com");
  }

  @Test
  void badConnectAddressesAreInvalid() {
    assertThat(reason("example.com foo")).isEqualTo("connect address \"foo\" is not an IP address");
    assertThat(reason("example.com 10.0.0.5:443"))
        .isEqualTo("connect address \"10.0.0.5:443\" is not an IP address");
    assertThat(reason("example.com 10.0.0.256"))
        .isEqualTo("connect address \"10.0.0.256\" is not an IP address");
    assertThat(reason("exa mple.com"))
        .isEqualTo("connect address \"mple.com\" is not an IP address");
  }

  @Test
  void tooManyFieldsAreInvalid() {
    assertThat(reason("example.com 10.0.0.5 extra"))
        .isEqualTo("too many fields (3), expected HOST[:PORT] [CONNECT_ADDRESS]");
  }

  @ParameterizedTest
  @CsvSource({
    "https://example.com, example.com, 443",
    "https://Example.com:8443/some/path?q=1#frag, example.com, 8443",
    "HTTPS://example.com/, example.com, 443",
    "'https://[2001:db8::1]:8443/', 2001:db8::1, 8443",
    "https://192.0.2.1?x, 192.0.2.1, 443"
  })
  void httpsUrlsAreAcceptedAndPathIgnored(String given, String host, int port) {
    Target target = single(given);

    assertThat(target.host()).isEqualTo(host);
    assertThat(target.port()).isEqualTo(port);
    assertThat(target.input()).isEqualTo(given);
  }

  @Test
  void otherUrlsAreInvalid() {
    assertThat(reason("http://example.com"))
        .startsWith(
            "unknown URL scheme \"http\"; known: https, smtps, imaps, pop3s, ldaps, ftps, smtp,");
    assertThat(reason("gopher://example.com")).startsWith("unknown URL scheme \"gopher\"");
    assertThat(reason("https://user@example.com"))
        .isEqualTo("user name in URL \"https://user@example.com\" is not supported");
    assertThat(reason("https://")).isEqualTo("missing host in \"https://\"");
    assertThat(reason("https:///path")).isEqualTo("missing host in \"https:///path\"");
  }

  @Test
  void dtlsUrlsAreUdpTargetsWithTheirPort() {
    Target named = single("dtls://vpn.example.com:4433");
    Target bracketed = single("dtls://[2001:db8::1]:4433");

    assertThat(named.host()).isEqualTo("vpn.example.com");
    assertThat(named.port()).isEqualTo(4433);
    assertThat(named.sni()).isEqualTo("vpn.example.com");
    assertThat(named.transport()).isEqualTo(Transport.DTLS);
    assertThat(bracketed.host()).isEqualTo("2001:db8::1");
    assertThat(bracketed.transport()).isEqualTo(Transport.DTLS);
    assertThat(single("https://example.com").transport()).isEqualTo(Transport.TCP);
    assertThat(single("example.com:4433").transport()).isEqualTo(Transport.TCP);
  }

  @Test
  void dtlsUrlsNeedAPort() {
    assertThat(reason("dtls://vpn.example.com"))
        .isEqualTo("dtls:// needs a port: \"dtls://vpn.example.com\"");
    assertThat(reason("dtls://2001:db8::1"))
        .isEqualTo("dtls:// needs a port: \"dtls://2001:db8::1\"");
  }

  @Test
  void controlCharactersAreInvalidAndNamed() {
    assertThat(reason("exam\u0000ple.com")).isEqualTo("control character 0x00 at column 5");
    assertThat(reason("\u0000example.com")).isEqualTo("control character 0x00 at column 1");
    assertThat(reason("example.com\r")).isEqualTo("control character 0x0D at column 12");
    assertThat(reason("example.com # \u001b[31m")).isEqualTo("control character 0x1B at column 15");
  }

  @Test
  void invalidInputIsEchoedPrintableAndBounded() {
    // Given a 5000-character line with an escape sequence in it
    String line = "\u001b[2J" + "x".repeat(5000);

    // When it is parsed
    InvalidTarget invalid = (InvalidTarget) parse(line).get(0);

    // Then the echoed input is short, ends in an ellipsis and holds no control character
    assertThat(invalid.reason()).isEqualTo("line longer than 4096 characters");
    assertThat(invalid.input())
        .hasSizeLessThanOrEqualTo(200)
        .startsWith("\\x1B[2Jxxx")
        .endsWith("\u2026");
    assertThat(invalid.input().chars()).noneMatch(Character::isISOControl);
  }

  @Test
  void quotedTokensInReasonsAreBounded() {
    String reason = reason("example.com:" + "9".repeat(3000));

    assertThat(reason)
        .hasSizeLessThan(150)
        .startsWith("port \"999")
        .endsWith("\u2026\" out of range 1-65535");
  }

  @Test
  void targetRejectsImpossiblePorts() {
    assertThatThrownBy(() -> new Target("x", 1, "x", 0, null, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port 0 out of range 1-65535");
  }
}
