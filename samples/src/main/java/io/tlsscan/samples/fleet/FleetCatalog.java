package io.tlsscan.samples.fleet;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.tlsscan.samples.fleet.ServerBehaviour.Listening;
import io.tlsscan.samples.fleet.ServerBehaviour.NotListening;
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import io.tlsscan.samples.pki.TestPki.KeyType;
import io.tlsscan.samples.starttls.StarttlsScript;
import io.tlsscan.samples.starttls.StarttlsServerHandler;
import io.tlsscan.tls.DtlsVersion;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * The list of demo endpoints: for each, its name, the flaw it has, what a scan should report, and
 * the server that has the flaw. Endpoint {@code i} (from 0) listens on the base address plus {@code
 * i + 1}.
 */
final class FleetCatalog {
  /** The parent domain of the demo host names; {@code .test} is reserved (RFC 6761 §6.2). */
  private static final String DOMAIN = "demo.test";

  /** Longest life of a connection to a server that answers. */
  private static final Duration ANSWERING_LIFETIME = Duration.ofSeconds(30);

  /** Longest life of a connection to a server that stalls; longer than any sane scan deadline. */
  private static final Duration STALLING_LIFETIME = Duration.ofMinutes(10);

  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private static final String TLS12 = "TLSv1.2";
  private static final String TLS13 = "TLSv1.3";

  /** Suites BoringSSL offers in TLS 1.0, for an RSA certificate. */
  private static final List<String> TLS10_CIPHERS =
      List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

  /** A fatal handshake_failure alert record (RFC 8446 §6: level 2, description 40). */
  private static final byte[] HANDSHAKE_FAILURE_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28};

  private static final byte[] SSH_BANNER = ascii("SSH-2.0-OpenSSH_9.2\r\n");

  private static final byte[] BAD_REQUEST =
      ascii(
          "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n"
              + "Connection: close\r\n\r\nBad Request\n");

  private final FleetPki pki;
  private final byte[] base;
  private final List<EndpointPlan> plans = new ArrayList<>();

  /** RSA keys take long to make, so the two RSA leaves are issued in the background. */
  private final CompletableFuture<Issued> weakKeyLeaf;

  private final CompletableFuture<Issued> tls10Leaf;

  private FleetCatalog(FleetPki pki, Inet4Address base) {
    this.pki = pki;
    this.base = base.getAddress();
    this.weakKeyLeaf = rsaLeaf(host("weak-key"), KeyType.RSA_1024);
    this.tls10Leaf = rsaLeaf(host("tls10-only"), KeyType.RSA_2048);
  }

  /**
   * Plans every demo endpoint.
   *
   * @throws IllegalArgumentException when the endpoints' addresses would run past {@code x.y.z.254}
   */
  static List<EndpointPlan> plans(FleetPki pki, Inet4Address base) {
    FleetCatalog catalog = new FleetCatalog(pki, base);
    catalog.certificateFlaws();
    catalog.protocolFlaws();
    catalog.datagramServers();
    catalog.nonTlsServers();
    catalog.starttlsServices();
    return List.copyOf(catalog.plans);
  }

  private void certificateFlaws() {
    Instant now = Instant.now();
    X509Certificate intermediate = pki.intermediate().certificate();

    String good = host("good");
    tls(
        "good",
        good,
        "EC P-256 leaf from the demo intermediate, chain leaf+intermediate, HSTS for two years",
        Expectation.clean(),
        serverContext(pki.leaf(good), intermediate));

    String expired = host("expired");
    tls(
        "expired",
        expired,
        "the leaf expired 3 days ago",
        Expectation.ok(Set.of("expired"), true),
        serverContext(
            FleetPki.leafBuilder(expired).expiredDaysAgo(3).issuedBy(pki.intermediate()),
            intermediate));

    String notYetValid = host("not-yet-valid");
    tls(
        "not-yet-valid",
        notYetValid,
        "the leaf becomes valid in 2 days",
        Expectation.ok(Set.of("not_yet_valid"), true),
        serverContext(
            FleetPki.leafBuilder(notYetValid)
                .validity(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(92)))
                .issuedBy(pki.intermediate()),
            intermediate));

    // Only self_signed: the more specific reason wins over untrusted_root.
    String selfSigned = host("self-signed");
    tls(
        "self-signed",
        selfSigned,
        "a self-signed leaf",
        Expectation.ok(Set.of("self_signed"), true),
        serverContext(FleetPki.leafBuilder(selfSigned).selfSigned()));

    String wrongHost = host("wrong-host");
    tls(
        "wrong-host",
        wrongHost,
        "a trusted certificate for other." + DOMAIN,
        Expectation.ok(Set.of(), false),
        serverContext(pki.leaf("other." + DOMAIN), intermediate));

    String missing = host("missing-intermediate");
    tls(
        "missing-intermediate",
        missing,
        "serves the leaf without its intermediate",
        Expectation.ok(Set.of("incomplete_chain"), true),
        serverContext(pki.leaf(missing)));

    String untrusted = host("untrusted-root");
    tls(
        "untrusted-root",
        untrusted,
        "chain to a root CA that is not in the demo CA file",
        Expectation.ok(Set.of("untrusted_root"), true),
        serverContext(
            FleetPki.leafBuilder(untrusted).issuedBy(pki.foreignRoot()),
            pki.foreignRoot().certificate()));

    String weakKey = host("weak-key");
    tls(
        "weak-key",
        weakKey,
        "an RSA-1024 leaf",
        Expectation.ok(Set.of("weak_key"), true),
        serverContext(weakKeyLeaf.join(), intermediate));

    String sha1 = host("sha1-signature");
    tls(
        "sha1-signature",
        sha1,
        "the leaf is signed with SHA1withECDSA",
        Expectation.ok(Set.of("weak_signature"), true),
        serverContext(
            FleetPki.leafBuilder(sha1).signatureHash("SHA1").issuedBy(pki.intermediate()),
            intermediate));

    // A name only in the CN does not match (RFC 9525 §6.3, CA/B Forum, browsers) but is no
    // trust error.
    String noSan = host("no-san");
    tls(
        "no-san",
        noSan,
        "the leaf names the host only in its CN, with no SAN",
        Expectation.ok(Set.of(), false),
        serverContext(
            TestPki.certificate("CN=" + noSan).issuedBy(pki.intermediate()), intermediate));

    String wildcard = "www.wild." + DOMAIN;
    tls(
        "wildcard",
        wildcard,
        "a trusted certificate for *.wild." + DOMAIN,
        Expectation.clean(),
        serverContext(
            TestPki.certificate("CN=*.wild." + DOMAIN)
                .dns("*.wild." + DOMAIN)
                .issuedBy(pki.intermediate()),
            intermediate));

    String ip = nextAddress().getHostAddress();
    tls(
        "ip-san",
        ip,
        "scanned by IP address; the SAN is an iPAddress",
        Expectation.clean(),
        serverContext(
            TestPki.certificate("CN=" + ip).ip(ip).issuedBy(pki.intermediate()), intermediate));

    // Still trusted: clients must accept extra and misordered certificates after the leaf
    // (RFC 8446 §4.4.2); the order is worth a finding, not a trust error.
    String misordered = host("misordered-chain");
    tls(
        "misordered-chain",
        misordered,
        "sends leaf, root, intermediate: the issuer out of order",
        Expectation.clean(),
        serverContext(pki.leaf(misordered), pki.root().certificate(), intermediate));
  }

  private void protocolFlaws() {
    X509Certificate intermediate = pki.intermediate().certificate();

    String clientAuth = host("client-auth");
    tls(
        "client-auth",
        clientAuth,
        "TLS 1.2 only and requires a client certificate",
        Expectation.error("tls_alert"),
        serverContext(pki.leaf(clientAuth), intermediate)
            .protocols(TLS12)
            .clientAuth(ClientAuth.REQUIRE));

    // Expected ok: a scanner offers TLS 1.0 in its handshake so it can report such servers.
    String tls10 = host("tls10-only");
    tls(
        "tls10-only",
        tls10,
        "speaks only TLS 1.0 (ECDHE-RSA with AES-CBC-SHA1)",
        Expectation.clean(),
        serverContext(tls10Leaf.join(), intermediate).protocols("TLSv1").ciphers(TLS10_CIPHERS));

    String tls13 = host("tls13-only");
    tls(
        "tls13-only",
        tls13,
        "speaks only TLS 1.3",
        Expectation.clean(),
        serverContext(pki.leaf(tls13), intermediate).protocols(TLS13));
  }

  /**
   * A DTLS 1.2 server over UDP, {@code openssl s_server -dtls1_2}, when openssl is installed (the
   * fleet goes without it otherwise).
   */
  private void datagramServers() {
    if (!Files.isExecutable(OPENSSL)) {
      return;
    }
    String dtls = host("dtls");
    Issued leaf = pki.leaf(dtls);
    add(
        "dtls",
        dtls,
        "DTLS 1.2 over UDP (openssl s_server -dtls1_2), scanned as dtls://",
        Expectation.clean(),
        new ServerBehaviour.Datagram(
            address ->
                OpenSslServer.builder(leaf, pki.intermediate())
                    .executable(OPENSSL)
                    .host(address.getHostAddress())
                    .datagram(DtlsVersion.DTLSv1_2)
                    .start()));
  }

  private void nonTlsServers() {
    raw(
        "tarpit",
        "accepts the connection and never says anything",
        Expectation.error("timeout"),
        STALLING_LIFETIME,
        ch -> ch.pipeline().addLast(new TarpitHandler()));
    raw(
        "drip",
        "sends one byte a second of a never-ending TLS record",
        Expectation.error("timeout"),
        STALLING_LIFETIME,
        ch -> ch.pipeline().addLast(new DripHandler()));
    raw(
        "plain-http",
        "plain HTTP: answers anything with 400 Bad Request",
        Expectation.error("not_tls"),
        ANSWERING_LIFETIME,
        ch -> ch.pipeline().addLast(new AnswerOnceHandler(BAD_REQUEST)));
    raw(
        "ssh-banner",
        "an SSH server banner instead of TLS",
        Expectation.error("not_tls"),
        ANSWERING_LIFETIME,
        ch -> ch.pipeline().addLast(new BannerHandler(SSH_BANNER)));
    raw(
        "reset",
        "resets the connection (TCP RST) when the ClientHello arrives",
        Expectation.error("reset"),
        ANSWERING_LIFETIME,
        ch -> ch.pipeline().addLast(new ResetHandler()));
    raw(
        "alert",
        "answers any ClientHello with a fatal handshake_failure alert",
        Expectation.error("tls_alert"),
        ANSWERING_LIFETIME,
        ch -> ch.pipeline().addLast(new AnswerOnceHandler(HANDSHAKE_FAILURE_ALERT)));
    add(
        "closed-port",
        host("closed-port"),
        "nothing listens on this port",
        Expectation.error("refused"),
        new NotListening());
  }

  /** Services that speak their own protocol before TLS. */
  private void starttlsServices() {
    String name = "smtp-starttls";
    String host = host(name);
    SslContext context =
        build(name, serverContext(pki.leaf(host), pki.intermediate().certificate()));
    StarttlsScript smtp = StarttlsScript.smtp(host);
    plans.add(
        new EndpointPlan(
            name,
            host,
            nextAddress(),
            "a mail server: SMTP, then STARTTLS with a good certificate",
            Expectation.clean(),
            new Listening(
                ANSWERING_LIFETIME,
                ch -> ch.pipeline().addLast(new StarttlsServerHandler(smtp, context))),
            "smtp"));
  }

  private void tls(
      String name, String host, String description, Expectation expected, SslContextBuilder tls) {
    SslContext context = build(name, tls);
    byte[] reply = httpOk(name);
    add(
        name,
        host,
        description,
        expected,
        new Listening(
            ANSWERING_LIFETIME,
            ch ->
                ch.pipeline()
                    .addLast(context.newHandler(ch.alloc()), new AnswerOnceHandler(reply))));
  }

  private void raw(
      String name,
      String description,
      Expectation expected,
      Duration lifetime,
      Consumer<Channel> setup) {
    add(name, host(name), description, expected, new Listening(lifetime, setup));
  }

  private void add(
      String name, String host, String description, Expectation expected, ServerBehaviour b) {
    plans.add(new EndpointPlan(name, host, nextAddress(), description, expected, b));
  }

  /** The address of the next endpoint to add. */
  private InetAddress nextAddress() {
    return LoopbackFleet.endpointAddress(base, plans.size(), "demo");
  }

  /**
   * A TLS 1.2 + 1.3 server context that sends {@code leaf} then {@code rest}, exactly in that order
   * (see {@link FixedChainKeyManager}). Client certificates, when asked for, must come from the
   * demo root; naming it also spares each context loading the JDK's default trust store.
   */
  private SslContextBuilder serverContext(Issued leaf, X509Certificate... rest) {
    X509Certificate[] chain =
        Stream.concat(Stream.of(leaf.certificate()), Stream.of(rest))
            .toArray(X509Certificate[]::new);
    return SslContextBuilder.forServer(new FixedChainKeyManager(leaf.key(), chain))
        .trustManager(pki.root().certificate())
        .sslProvider(SslProvider.OPENSSL)
        .protocols(TLS12, TLS13);
  }

  private CompletableFuture<Issued> rsaLeaf(String host, KeyType key) {
    return CompletableFuture.supplyAsync(
        () -> FleetPki.leafBuilder(host).key(key).issuedBy(pki.intermediate()));
  }

  private static SslContext build(String name, SslContextBuilder builder) {
    try {
      return builder.build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS for demo endpoint " + name, e);
    }
  }

  private static String host(String name) {
    return name + "." + DOMAIN;
  }

  /** The answer to any request: only {@code good} sends HSTS, as a healthy site does. */
  private static byte[] httpOk(String name) {
    String body = "tlsscan demo endpoint: " + name + "\n";
    String hsts =
        name.equals("good")
            ? "Strict-Transport-Security: max-age=63072000; includeSubDomains\r\n"
            : "";
    return ascii(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + body.length()
            + "\r\n"
            + hsts
            + "Connection: close\r\n\r\n"
            + body);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
