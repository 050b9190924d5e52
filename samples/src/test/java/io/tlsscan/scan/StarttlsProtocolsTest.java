package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.starttls.StarttlsScript;
import io.tlsscan.samples.starttls.StarttlsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each STARTTLS protocol against an in-process server that speaks it (as the RFCs describe) and
 * then TLS: a server that offers TLS gives an {@code ok} record with the server's certificate, one
 * that does not offer it or refuses it a {@code starttls_failed} saying which.
 */
class StarttlsProtocolsTest {
  private static final String HOST = "svc.starttls.test";
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

  private static final String XMPP_TLS = "urn:ietf:params:xml:ns:xmpp-tls";
  private static final String XMPP_STREAM =
      "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
          + " xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='"
          + HOST
          + "' version='1.0'>";

  private static SslContext tls;
  @AutoClose private static Scanner scanner;

  @BeforeAll
  static void setUp() throws Exception {
    TestChain chain = TestChain.rsa("Protocols Test", HOST);
    tls =
        SslContextBuilder.forServer(
                chain.leaf().key(), chain.leaf().certificate(), chain.intermediate().certificate())
            .build();
    scanner =
        TestTargets.scanner(
            ScanOptions.defaults().withTimeout(Duration.ofSeconds(5)), chain.root());
  }

  static Stream<Arguments> offering() {
    return Stream.of(
        Arguments.of("smtp", StarttlsScript.smtp(HOST)),
        Arguments.of("submission", StarttlsScript.smtp(HOST)),
        Arguments.of(
            "lmtp",
            StarttlsScript.greeting("220 " + HOST + " LMTP\r\n")
                .on("LHLO", "250-" + HOST + "\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
                .tlsOn("STARTTLS\r\n", "220 2.0.0 go ahead\r\n")),
        Arguments.of(
            "imap",
            StarttlsScript.greeting("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
                .on(
                    "a1 CAPABILITY\r\n",
                    "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\na1 OK done\r\n")
                .tlsOn("a2 STARTTLS\r\n", "a2 OK Begin TLS negotiation now\r\n")),
        Arguments.of(
            "pop3",
            StarttlsScript.greeting("+OK POP3 ready\r\n")
                .on("CAPA\r\n", "+OK Capability list follows\r\nUSER\r\nSTLS\r\n.\r\n")
                .tlsOn("STLS\r\n", "+OK Begin TLS negotiation\r\n")),
        Arguments.of(
            "ftp",
            StarttlsScript.greeting("220-Welcome\r\n  to the test server\r\n220 ready\r\n")
                .tlsOn("AUTH TLS\r\n", "234 AUTH TLS successful\r\n")),
        Arguments.of(
            "nntp",
            StarttlsScript.greeting("200 news ready\r\n")
                .on("CAPABILITIES\r\n", "101 Capability list:\r\nVERSION 2\r\nSTARTTLS\r\n.\r\n")
                .tlsOn("STARTTLS\r\n", "382 Continue with TLS negotiation\r\n")),
        Arguments.of(
            "sieve",
            StarttlsScript.greeting(
                    "\"IMPLEMENTATION\" \"test\"\r\n\"SASL\" \"\"\r\n\"STARTTLS\"\r\n"
                        + "\"VERSION\" \"1.0\"\r\nOK \"ready\"\r\n")
                .tlsOn("STARTTLS\r\n", "OK \"begin TLS\"\r\n")),
        Arguments.of(
            "irc",
            StarttlsScript.greeting(":irc.test NOTICE * :*** Looking up your hostname\r\n")
                .tlsOn("STARTTLS\r\n", ":irc.test 670 * :STARTTLS successful, go ahead\r\n")),
        Arguments.of(
            "xmpp",
            StarttlsScript.greeting("")
                .on(
                    "<stream:stream",
                    XMPP_STREAM
                        + "<stream:features><starttls xmlns='"
                        + XMPP_TLS
                        + "'><required/></starttls></stream:features>")
                .tlsOn(
                    "<starttls xmlns='" + XMPP_TLS + "'/>", "<proceed xmlns='" + XMPP_TLS + "'/>")),
        Arguments.of(
            "xmpp-server",
            StarttlsScript.greeting("")
                .on(
                    "xmlns='jabber:server'",
                    XMPP_STREAM.replace("jabber:client", "jabber:server")
                        + "<stream:features><starttls xmlns='"
                        + XMPP_TLS
                        + "'/></stream:features>")
                .tlsOn(
                    "<starttls xmlns='" + XMPP_TLS + "'/>", "<proceed xmlns='" + XMPP_TLS + "'/>")),
        Arguments.of("postgres", StarttlsScript.greeting("").tlsOn(POSTGRES_SSL_REQUEST, "S")),
        Arguments.of(
            "mysql", StarttlsScript.greeting(mysqlGreeting(0x8a00)).tlsOn(MYSQL_SSL_REQUEST, "")),
        Arguments.of(
            "ldap",
            StarttlsScript.greeting("").tlsOn(LDAP_STARTTLS_OID, ldapExtendedResponse(0, ""))));
  }

  static Stream<Arguments> notOffering() {
    return Stream.of(
        Arguments.of(
            "imap",
            StarttlsScript.greeting("* OK ready\r\n")
                .on("a1 CAPABILITY\r\n", "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na1 OK done\r\n"),
            "server does not offer STARTTLS over IMAP (not in the CAPABILITY reply): "
                + "\"* CAPABILITY IMAP4rev1 AUTH=PLAIN\\u000aa1 OK done\""),
        Arguments.of(
            "pop3",
            StarttlsScript.greeting("+OK ready\r\n")
                .on("CAPA\r\n", "+OK\r\nUSER\r\nSTLS\r\n.\r\n")
                .on("STLS\r\n", "-ERR TLS is not set up\r\n"),
            "server refused STARTTLS over POP3: \"-ERR TLS is not set up\""),
        Arguments.of(
            "ftp",
            StarttlsScript.greeting("220 ready\r\n")
                .on("AUTH TLS\r\n", "502 Command not implemented\r\n"),
            "server does not offer STARTTLS over FTP (AUTH TLS not implemented): "
                + "\"502 Command not implemented\""),
        Arguments.of(
            "nntp",
            StarttlsScript.greeting("200 news ready\r\n")
                .on("CAPABILITIES\r\n", "101 list\r\nVERSION 2\r\nSTARTTLS\r\n.\r\n")
                .on("STARTTLS\r\n", "580 Can not initiate TLS negotiation\r\n"),
            "server refused STARTTLS over NNTP: \"580 Can not initiate TLS negotiation\""),
        Arguments.of(
            "sieve",
            StarttlsScript.greeting("\"IMPLEMENTATION\" \"test\"\r\nOK\r\n"),
            "server does not offer STARTTLS over SIEVE (not among its capabilities): "
                + "\"\"IMPLEMENTATION\" \"test\"\\u000aOK\""),
        Arguments.of(
            "irc",
            StarttlsScript.greeting("")
                .on("STARTTLS\r\n", ":irc.test 421 * STARTTLS :Unknown command\r\n"),
            "server does not offer STARTTLS over IRC (STARTTLS is not a command it knows): "
                + "\":irc.test 421 * STARTTLS :Unknown command\""),
        Arguments.of(
            "xmpp",
            StarttlsScript.greeting("")
                .on("<stream:stream", XMPP_STREAM + "<stream:features><bind/></stream:features>"),
            "server does not offer STARTTLS over XMPP (no starttls among the stream features): "
                + "\""
                + XMPP_STREAM.replace("'", "'")
                + "<stream:features><bind/></stream:features>\""),
        Arguments.of(
            "postgres",
            StarttlsScript.greeting("").on(POSTGRES_SSL_REQUEST, "N"),
            "server does not offer STARTTLS over POSTGRES (it answered N to the SSLRequest):"
                + " \"N\""),
        Arguments.of(
            "mysql",
            StarttlsScript.greeting(mysqlGreeting(0x8200)),
            "server does not offer STARTTLS over MYSQL (no SSL capability in its greeting)"),
        Arguments.of(
            "ldap",
            StarttlsScript.greeting("").on(LDAP_STARTTLS_OID, ldapExtendedResponse(52, "no TLS")),
            "server refused STARTTLS over LDAP: \"resultCode 52, no TLS\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("offering")
  void aServerThatOffersTlsIsScannedThroughItsProtocol(String scheme, StarttlsScript script) {
    try (StarttlsServer server = StarttlsServer.start(nextAddress(), script, tls)) {
      HostReport report = StarttlsScanTest.scan(scanner, line(scheme, server));

      assertThat(report.ok()).as("record %s", report).isTrue();
      assertThat(report.target().starttls()).isEqualTo(scheme);
      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("TLSv1.3");
      assertThat(report.certificate().resultOrNull().trusted()).isTrue();
      assertThat(report.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=" + HOST);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notOffering")
  void aServerThatDoesNotOfferOrRefusesTlsIsSaidSo(
      String scheme, StarttlsScript script, String message) {
    try (StarttlsServer server = StarttlsServer.start(nextAddress(), script, tls)) {
      HostReport report = StarttlsScanTest.scan(scanner, line(scheme, server));

      assertThat(report.error()).as("record %s", report).isNotNull();
      assertThat(report.error().kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
      assertThat(report.error().phase()).isEqualTo("starttls");
      assertThat(report.error().message()).startsWith(message);
    }
  }

  private static InetSocketAddress nextAddress() {
    return new InetSocketAddress("127.0.82." + NEXT_ADDRESS.getAndIncrement(), 0);
  }

  private static String line(String scheme, StarttlsServer server) {
    return scheme
        + "://"
        + HOST
        + ":"
        + server.address().getPort()
        + " "
        + server.address().getHostString();
  }

  /** PostgreSQL's SSLRequest: length 8, code 80877103. */
  private static final String POSTGRES_SSL_REQUEST = "\0\0\0\u0008\u0004\u00d2\u0016\u002f";

  /** The end of MySQL's SSL request packet: the utf8 character set and 23 zero bytes. */
  private static final String MYSQL_SSL_REQUEST = "\u0021" + "\0".repeat(23);

  private static final String LDAP_STARTTLS_OID = "1.3.6.1.4.1.1466.20037";

  /** A MySQL protocol-10 greeting with the given lower capability flags. */
  private static String mysqlGreeting(int flags) {
    String payload =
        "\n"
            + "8.0.0-test\0"
            + "\u0001\0\0\0"
            + "abcdefgh"
            + "\0"
            + (char) (flags & 0xff)
            + (char) (flags >> 8)
            + "\u0021"
            + "\u0002\0"
            + "\0\0"
            + "\0"
            + "\0".repeat(10);
    return "" + (char) payload.length() + "\0\0\0" + payload;
  }

  /** An LDAP ExtendedResponse (message 1) with the result code and diagnostic message. */
  private static String ldapExtendedResponse(int resultCode, String diagnostic) {
    String inner =
        "\n\u0001"
            + (char) resultCode
            + "\u0004\0"
            + "\u0004"
            + (char) diagnostic.length()
            + diagnostic;
    String response = "\u0078" + (char) inner.length() + inner;
    String message = "\u0002\u0001\u0001" + response;
    return "\u0030" + (char) message.length() + message;
  }
}
