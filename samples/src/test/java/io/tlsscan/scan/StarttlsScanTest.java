package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.samples.pki.TestChain;
import io.tlsscan.samples.starttls.StarttlsScript;
import io.tlsscan.samples.starttls.StarttlsServer;
import io.tlsscan.target.Target;
import io.tlsscan.target.TargetParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * SMTP STARTTLS against in-process servers that speak SMTP and then TLS: every probe works through
 * the preamble, and each way the preamble can go wrong gives a clear {@code starttls_failed}.
 */
class StarttlsScanTest {
  private static final String HOST = "mail.starttls.test";

  private static TestChain chain;
  private static SslContext tls;
  @AutoClose private static Scanner deep;
  @AutoClose private static Scanner quick;

  @BeforeAll
  static void setUp() throws Exception {
    chain = TestChain.rsa("Starttls Test", HOST);
    tls =
        SslContextBuilder.forServer(
                chain.leaf().key(), chain.leaf().certificate(), chain.intermediate().certificate())
            .protocols("TLSv1.2", "TLSv1.3")
            .build();
    deep = TestTargets.deepScanner(Duration.ofSeconds(20), chain.root());
    quick =
        TestTargets.scanner(
            ScanOptions.defaults().withTimeout(Duration.ofSeconds(2)), chain.root());
  }

  /** Scans {@code line} (a host-list line) and returns its record. */
  static HostReport scan(Scanner scanner, String line) {
    return scanner
        .scan(Flux.fromStream(new TargetParser().parse(line, 1)).cast(Target.class))
        .blockLast(Duration.ofSeconds(60));
  }

  private static String smtpLine(InetSocketAddress address) {
    return "smtp://" + HOST + ":" + address.getPort() + " " + address.getHostString();
  }

  private static InetSocketAddress at(String ip) {
    return new InetSocketAddress(ip, 0);
  }

  @Test
  void deepScanOfSmtpFindsWhatTheSameTlsServerShowsWithoutThePreamble() {
    // Given an SMTP server with STARTTLS, and the same TLS set-up served as plain TLS
    try (StarttlsServer smtp =
            StarttlsServer.start(at("127.0.81.1"), StarttlsScript.smtp(HOST), tls);
        StarttlsServer plain = StarttlsServer.plainTls(at("127.0.81.2"), tls)) {
      // When both are scanned with every probe
      HostReport viaSmtp = scan(deep, smtpLine(smtp.address()));
      HostReport direct =
          scan(
              deep, HOST + ":" + plain.address().getPort() + " " + plain.address().getHostString());

      // Then the SMTP record is ok, says it used SMTP, and trusts the right certificate
      assertThat(viaSmtp.ok()).as("record %s", viaSmtp).isTrue();
      assertThat(viaSmtp.target().starttls()).isEqualTo("smtp");
      assertThat(direct.target().starttls()).isNull();
      assertThat(viaSmtp.certificate().resultOrNull().trusted()).isTrue();
      assertThat(viaSmtp.certificate().resultOrNull().chain().get(0).subject())
          .isEqualTo("CN=" + HOST);
      // And versions, suites and groups are those of the plain TLS server
      assertThat(viaSmtp.protocols().resultOrNull()).isEqualTo(direct.protocols().resultOrNull());
      CipherSupport ciphers = viaSmtp.ciphers().resultOrNull();
      assertThat(ciphers.byVersion()).containsKey("TLSv1.2").containsKey("TLSv1.3");
      assertThat(ciphers).isEqualTo(direct.ciphers().resultOrNull());
      assertThat(viaSmtp.groups().resultOrNull()).isEqualTo(direct.groups().resultOrNull());
      assertThat(viaSmtp.connections()).as("every probe connected").isGreaterThan(5);
    }
  }

  @Test
  void slowMultiLineRepliesStillLeadToTls() {
    // Given an SMTP server that sends every byte 3 ms apart
    try (StarttlsServer smtp =
        StarttlsServer.start(
            at("127.0.81.3"), StarttlsScript.smtp(HOST).slow(Duration.ofMillis(3)), tls)) {
      // When it is scanned
      HostReport report = scan(quick, smtpLine(smtp.address()));

      // Then the handshake completed through the preamble
      assertThat(report.ok()).as("record %s", report).isTrue();
      assertThat(report.handshake().resultOrNull().protocol()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void starttlsNotInTheEhloReplyIsSaidSo() {
    StarttlsScript script =
        StarttlsScript.greeting("220 " + HOST + " ESMTP\r\n")
            .on("EHLO", "250-" + HOST + "\r\n250 SIZE 1000\r\n");
    try (StarttlsServer smtp = StarttlsServer.start(at("127.0.81.4"), script, tls)) {
      HostReport report = scan(quick, smtpLine(smtp.address()));

      assertThat(report.error().kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
      assertThat(report.error().phase()).isEqualTo("starttls");
      assertThat(report.error().message())
          .isEqualTo(
              "server does not offer STARTTLS over SMTP (not in the EHLO reply): \"250-"
                  + HOST
                  + "\\u000a250 SIZE 1000\"");
    }
  }

  @Test
  void refusedStarttlsQuotesTheReplyWithControlCharactersEscaped() {
    StarttlsScript script =
        StarttlsScript.greeting("220 " + HOST + " ESMTP\r\n")
            .on("EHLO", "250-" + HOST + "\r\n250 STARTTLS\r\n")
            .on("STARTTLS\r\n", "454 4.7.0 TLS not available \u001b[31m\r\n");
    try (StarttlsServer smtp = StarttlsServer.start(at("127.0.81.5"), script, tls)) {
      HostReport report = scan(quick, smtpLine(smtp.address()));

      assertThat(report.error().kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
      assertThat(report.error().message())
          .isEqualTo(
              "server refused STARTTLS over SMTP: \"454 4.7.0 TLS not available \\u001b[31m\"");
    }
  }

  @Test
  void aServerThatDoesNotSpeakSmtpIsSaidSo() {
    try (StarttlsServer ssh =
        StarttlsServer.start(
            at("127.0.81.6"), StarttlsScript.greeting("SSH-2.0-OpenSSH_9.2\r\n"), tls)) {
      HostReport report = scan(quick, smtpLine(ssh.address()));

      assertThat(report.error().kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
      assertThat(report.error().message())
          .isEqualTo("server does not speak SMTP: it said \"SSH-2.0-OpenSSH_9.2\"");
    }
  }

  @Test
  void aReplyOverFourKibibytesIsCut() {
    String endless = "250-" + "x".repeat(70) + "\r\n";
    StarttlsScript script =
        StarttlsScript.greeting("220 " + HOST + " ESMTP\r\n")
            .on("EHLO", endless.repeat(100) + "250 STARTTLS\r\n")
            .tlsOn("STARTTLS\r\n", "220 go ahead\r\n");
    try (StarttlsServer smtp = StarttlsServer.start(at("127.0.81.7"), script, tls)) {
      HostReport report = scan(quick, smtpLine(smtp.address()));

      assertThat(report.error().kind()).isEqualTo(ErrorKind.STARTTLS_FAILED);
      assertThat(report.error().message())
          .startsWith("SMTP reply longer than 4096 bytes: \"250-xxx");
      assertThat(report.error().message().length()).isLessThan(300);
    }
  }

  @Test
  void aServerTricklingAnEndlessGreetingEndsAtTheDeadline() {
    // Given an SMTP server whose greeting goes on line after line, under the reply limit, a byte
    // every 50 ms: it would take over two minutes to finish
    String greeting = ("220-" + "x".repeat(60) + "\r\n").repeat(45) + "220 ready\r\n";
    assertThat(greeting.length()).isLessThan(4096);
    try (StarttlsServer trickling =
        StarttlsServer.start(
            at("127.0.81.9"), StarttlsScript.greeting(greeting).slow(Duration.ofMillis(50)), tls)) {
      // When it is scanned with a 2 s deadline
      long start = System.nanoTime();
      HostReport report = scan(quick, smtpLine(trickling.address()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      // Then the bytes that keep coming do not keep the preamble going past the deadline
      assertThat(report.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(report.error().message()).contains("2s deadline");
      assertThat(took).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void aSilentServerEndsAtTheDeadline() {
    try (StarttlsServer silent =
        StarttlsServer.start(at("127.0.81.8"), StarttlsScript.greeting(""), tls)) {
      long start = System.nanoTime();
      HostReport report = scan(quick, smtpLine(silent.address()));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(report.error().kind()).isEqualTo(ErrorKind.TIMEOUT);
      assertThat(report.error().message()).contains("2s deadline");
      assertThat(took).isLessThan(Duration.ofSeconds(4));
    }
  }
}
