package io.tlsscan.samples.hostile;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.tlsscan.samples.fleet.AnswerOnceHandler;
import io.tlsscan.samples.fleet.DripHandler;
import io.tlsscan.samples.fleet.EndpointPlan;
import io.tlsscan.samples.fleet.Expectation;
import io.tlsscan.samples.fleet.FixedChainKeyManager;
import io.tlsscan.samples.fleet.LoopbackFleet;
import io.tlsscan.samples.fleet.ServerBehaviour;
import io.tlsscan.samples.fleet.TarpitHandler;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.net.ssl.SSLException;

/**
 * The list of hostile servers: for each, its name, how it misbehaves, and what a careful scan
 * reports for it. Endpoint {@code i} (from 0) listens on the base address plus {@code i + 1}.
 *
 * <p>What a careful user expects, server by server:
 *
 * <ul>
 *   <li>Servers that go quiet ({@code silent}, {@code drip}, {@code stalled-record}) give {@code
 *       timeout}, at the deadline and not later.
 *   <li>Servers that break the protocol ({@code huge-chain}, {@code oversized-record}, the floods,
 *       {@code endless-retry}, {@code garbage-after-hello}, {@code endless-app-data}) give {@code
 *       handshake_failed} as soon as the breach is seen, well before the deadline; so does {@code
 *       trickled-certificate}, whose every record is valid, once the per-connection byte cap is
 *       reached. A warning alert is not a fatal alert, so a flood of them is not {@code tls_alert};
 *       none of them is {@code not_tls} either, since each starts with a TLS record.
 *   <li>Servers that hang up in the middle ({@code short-record}, {@code reset-mid-flight}) give
 *       {@code reset}.
 *   <li>Servers that are odd but within the protocol ({@code long-chain}, {@code many-sans}, {@code
 *       one-byte-records}) complete the handshake; their certificates come from the fleet's own
 *       root CA and name the host.
 * </ul>
 */
final class HostileCatalog {
  /** The parent domain of the hostile host names; {@code .test} is reserved (RFC 6761 §6.2). */
  static final String DOMAIN = "hostile.test";

  /** Number of certificates the {@code long-chain} server sends. */
  static final int LONG_CHAIN_CERTIFICATES = 200;

  /** Number of subjectAltNames in the {@code many-sans} leaf. */
  static final int MANY_SANS = 10_000;

  /** Least number of bytes of certificates the {@code huge-chain} server sends. */
  static final int HUGE_CHAIN_BYTES = 1024 * 1024;

  /**
   * Announced length of the {@code trickled-certificate} message: within what the scanner accepts
   * for a certificate list by default (256 KiB), but with the record headers around its {@value
   * #TRICKLE_RECORD_BYTES}-byte pieces, the 256 KiB the scanner reads from one connection end
   * before the message does.
   */
  static final int TRICKLED_CERTIFICATE_BYTES = 260_000;

  /** Bytes of the {@code trickled-certificate} message in each of its records. */
  static final int TRICKLE_RECORD_BYTES = 64;

  /** Bytes of its flight the {@code reset-mid-flight} server sends before the reset. */
  static final int BYTES_BEFORE_RESET = 300;

  private static final Duration ANSWERING_LIFETIME = Duration.ofSeconds(30);
  private static final Duration STALLING_LIFETIME = Duration.ofMinutes(10);

  private static final String TLS12 = "TLSv1.2";
  private static final String TLS13 = "TLSv1.3";

  private static final Expectation TIMEOUT = Expectation.error("timeout");
  private static final Expectation RESET = Expectation.error("reset");
  private static final Expectation HANDSHAKE_FAILED = Expectation.error("handshake_failed");

  private final Issued root;
  private final byte[] base;
  private final List<EndpointPlan> plans = new ArrayList<>();

  private HostileCatalog(Issued root, Inet4Address base) {
    this.root = root;
    this.base = base.getAddress();
  }

  /**
   * Plans every hostile server; leaves are issued by {@code root}.
   *
   * @throws IllegalArgumentException when the addresses would run past {@code x.y.z.254}
   */
  static List<EndpointPlan> plans(Issued root, Inet4Address base) {
    HostileCatalog catalog = new HostileCatalog(root, base);
    catalog.silentServers();
    catalog.lyingRecords();
    catalog.floods();
    catalog.brokenHandshakes();
    catalog.oddButValid();
    return List.copyOf(catalog.plans);
  }

  private void silentServers() {
    add(
        "silent",
        "accepts the connection and never says anything",
        TIMEOUT,
        STALLING_LIFETIME,
        TarpitHandler::new);
    add(
        "drip",
        "sends one byte a second of a TLS record",
        TIMEOUT,
        STALLING_LIFETIME,
        DripHandler::new);
    add(
        "stalled-record",
        "answers with a record header announcing 16 KiB, then nothing",
        TIMEOUT,
        STALLING_LIFETIME,
        stallAfter(TlsBytes.recordHeader(TlsBytes.HANDSHAKE, TlsBytes.MAX_PLAINTEXT)));
  }

  private void lyingRecords() {
    add(
        "short-record",
        "announces a 1000-byte record, sends 100 bytes of it, then closes",
        RESET,
        ANSWERING_LIFETIME,
        () -> new AnswerOnceHandler(shortRecord()));
    add(
        "oversized-record",
        "sends a whole record of 2^14 + 2049 bytes, more than any TLS record may hold",
        HANDSHAKE_FAILED,
        STALLING_LIFETIME,
        stallAfter(oversizedRecord()));
  }

  private void floods() {
    add(
        "hello-request-flood",
        "answers the hello with an endless stream of HelloRequests",
        HANDSHAKE_FAILED,
        ANSWERING_LIFETIME,
        () -> new EndlessRecordsHandler(TlsBytes.helloRequestRecord()));
    add(
        "warning-alert-flood",
        "answers the hello with an endless stream of warning alerts",
        HANDSHAKE_FAILED,
        ANSWERING_LIFETIME,
        () -> new EndlessRecordsHandler(TlsBytes.warningAlertRecord()));
    add(
        "endless-app-data",
        "answers the hello with endless 16 KiB application_data records",
        HANDSHAKE_FAILED,
        ANSWERING_LIFETIME,
        () -> new EndlessRecordsHandler(TlsBytes.applicationDataRecord()));
    add(
        "trickled-certificate",
        "sends a ServerHello, then a "
            + TRICKLED_CERTIFICATE_BYTES
            + "-byte Certificate message in "
            + TRICKLE_RECORD_BYTES
            + "-byte records, and more records without end",
        HANDSHAKE_FAILED,
        ANSWERING_LIFETIME,
        () ->
            new EndlessRecordsHandler(
                trickledCertificateStart(),
                TlsBytes.record(TlsBytes.HANDSHAKE, new byte[TRICKLE_RECORD_BYTES])));
  }

  private void brokenHandshakes() {
    add(
        "endless-retry",
        "TLS 1.3: answers every ClientHello with a HelloRetryRequest",
        HANDSHAKE_FAILED,
        ANSWERING_LIFETIME,
        HelloRetryRequestHandler::new);
    add(
        "garbage-after-hello",
        "sends a valid TLS 1.2 ServerHello, then 4 KiB of garbage",
        HANDSHAKE_FAILED,
        STALLING_LIFETIME,
        stallAfter(concat(TlsBytes.tls12ServerHelloRecord(), garbage())));
    String resetHost = host("reset-mid-flight");
    SslContext resetting = serverContext("reset-mid-flight", leaf(resetHost), TLS13);
    tls(
        "reset-mid-flight",
        resetHost,
        "real TLS 1.3 server; resets the connection "
            + BYTES_BEFORE_RESET
            + " bytes into its first flight",
        RESET,
        resetting,
        List.of(() -> new MidFlightResetHandler(BYTES_BEFORE_RESET)));
    add(
        "huge-chain",
        "sends a ServerHello, then a Certificate message of over 1 MiB: a leaf with "
            + MANY_SANS
            + " names, again and again",
        HANDSHAKE_FAILED,
        STALLING_LIFETIME,
        stallAfter(hugeChainFlight()));
  }

  private void oddButValid() {
    String longHost = host("long-chain");
    tls(
        "long-chain",
        longHost,
        "real TLS server; sends "
            + LONG_CHAIN_CERTIFICATES
            + " certificates: its leaf, then unrelated self-signed ones",
        Expectation.clean(),
        serverContext("long-chain", longChain(leaf(longHost)), TLS12, TLS13),
        List.of());
    String manyHost = host("many-sans");
    tls(
        "many-sans",
        manyHost,
        "real TLS server; its leaf has " + MANY_SANS + " subjectAltNames",
        Expectation.clean(),
        serverContext("many-sans", new Chain(manySansLeaf(manyHost), List.of()), TLS12, TLS13),
        List.of());
    String oneByteHost = host("one-byte-records");
    tls(
        "one-byte-records",
        oneByteHost,
        "real TLS 1.2 server; its handshake messages come in records of one byte each",
        Expectation.clean(),
        serverContext("one-byte-records", new Chain(leaf(oneByteHost), List.of()), TLS12),
        List.of(OneByteRecordEncoder::new));
  }

  /** A leaf and the certificates sent after it, in that order. */
  private record Chain(Issued leaf, List<X509Certificate> rest) {
    X509Certificate[] certificates() {
      List<X509Certificate> all = new ArrayList<>(rest.size() + 1);
      all.add(leaf.certificate());
      all.addAll(rest);
      return all.toArray(X509Certificate[]::new);
    }
  }

  private Issued leaf(String host) {
    return TestPki.certificate("CN=" + host).dns(host).issuedBy(root);
  }

  /** A leaf naming {@code host} first, then short made-up names up to {@link #MANY_SANS}. */
  private Issued manySansLeaf(String host) {
    String[] names = new String[MANY_SANS];
    names[0] = host;
    for (int i = 1; i < MANY_SANS; i++) {
      names[i] = "n" + i + ".x.test";
    }
    return TestPki.certificate("CN=" + host).dns(names).issuedBy(root);
  }

  /**
   * The leaf, then unrelated self-signed certificates up to {@link #LONG_CHAIN_CERTIFICATES}, made
   * in parallel (a key pair each makes them the slowest part of the fleet's start).
   */
  private static Chain longChain(Issued leaf) {
    List<X509Certificate> rest =
        IntStream.range(1, LONG_CHAIN_CERTIFICATES)
            .parallel()
            .mapToObj(i -> TestPki.certificate("CN=Padding " + i).selfSigned().certificate())
            .toList();
    return new Chain(leaf, rest);
  }

  /**
   * A TLS 1.2 ServerHello, then a Certificate message holding a bloated leaf as many times as it
   * takes to pass {@link #HUGE_CHAIN_BYTES}. Made as bytes once, rather than by a TLS server that
   * would encode a 1 MiB chain at every handshake and hold up the other servers of its loop.
   */
  private byte[] hugeChainFlight() {
    byte[] bloated = manySansLeaf(host("huge-chain")).der();
    int copies = (HUGE_CHAIN_BYTES + bloated.length - 1) / bloated.length;
    byte[] certificate = TlsBytes.certificateMessage(Collections.nCopies(copies, bloated));
    return concat(TlsBytes.tls12ServerHelloRecord(), TlsBytes.handshakeRecords(certificate));
  }

  /** A handshake record that claims 1000 bytes and carries the first 100. */
  private static byte[] shortRecord() {
    byte[] body = new byte[100];
    body[0] = TlsBytes.SERVER_HELLO;
    body[3] = (byte) 0xe4;
    body[4] = 3;
    body[5] = 3;
    return concat(TlsBytes.recordHeader(TlsBytes.HANDSHAKE, 1000), body);
  }

  /** A ServerHello record, then a record with the header of a Certificate message. */
  private static byte[] trickledCertificateStart() {
    byte[] header = TlsBytes.handshakeHeader(TlsBytes.CERTIFICATE, TRICKLED_CERTIFICATE_BYTES);
    return concat(TlsBytes.tls12ServerHelloRecord(), TlsBytes.record(TlsBytes.HANDSHAKE, header));
  }

  /** A handshake record one byte longer than RFC 5246 §6.2.3 allows any record to be. */
  private static byte[] oversizedRecord() {
    return TlsBytes.record(TlsBytes.HANDSHAKE, new byte[TlsBytes.MAX_CIPHERTEXT + 1]);
  }

  private static byte[] garbage() {
    byte[] garbage = new byte[4096];
    byte[] pattern = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = pattern[i % pattern.length];
    }
    return garbage;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static Supplier<ChannelHandler> stallAfter(byte[] reply) {
    return () -> AnswerOnceHandler.thenStall(reply);
  }

  /**
   * A real TLS server; the handlers {@code onTheWire} sit between the socket and the TLS handler
   * and see the bytes the server writes.
   */
  private void tls(
      String name,
      String host,
      String description,
      Expectation expected,
      SslContext context,
      List<Supplier<ChannelHandler>> onTheWire) {
    Consumer<Channel> setup =
        ch -> {
          onTheWire.forEach(handler -> ch.pipeline().addLast(handler.get()));
          ch.pipeline().addLast(context.newHandler(ch.alloc()));
        };
    plans.add(
        new EndpointPlan(
            name,
            host,
            nextAddress(),
            description,
            expected,
            new ServerBehaviour.Listening(ANSWERING_LIFETIME, setup)));
  }

  private void add(
      String name,
      String description,
      Expectation expected,
      Duration lifetime,
      Supplier<ChannelHandler> handler) {
    plans.add(
        new EndpointPlan(
            name,
            host(name),
            nextAddress(),
            description,
            expected,
            new ServerBehaviour.Listening(lifetime, ch -> ch.pipeline().addLast(handler.get()))));
  }

  private static SslContext serverContext(String name, Issued leaf, String... protocols) {
    return serverContext(name, new Chain(leaf, List.of()), protocols);
  }

  private static SslContext serverContext(String name, Chain chain, String... protocols) {
    try {
      return SslContextBuilder.forServer(
              new FixedChainKeyManager(chain.leaf().key(), chain.certificates()))
          .sslProvider(SslProvider.OPENSSL)
          .protocols(protocols)
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS for hostile endpoint " + name, e);
    }
  }

  /** The address of the next endpoint to add. */
  private InetAddress nextAddress() {
    return LoopbackFleet.endpointAddress(base, plans.size(), "hostile");
  }

  private static String host(String name) {
    return name + "." + DOMAIN;
  }
}
