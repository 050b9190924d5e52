package io.tlsscan.probe.http;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HttpReport;
import io.tlsscan.net.Connector;
import io.tlsscan.net.NotTlsGuard;
import io.tlsscan.probe.NetworkProbe;
import io.tlsscan.probe.ProbeContext;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.probe.ProbeKey;
import io.tlsscan.probe.SectionFill;
import io.tlsscan.probe.handshake.HandshakeClientContext;
import io.tlsscan.probe.raw.ProbeTarget;
import io.tlsscan.target.Target;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * One HTTPS request: {@code GET /} over a TLS connection made like the full handshake's (BoringSSL,
 * the same SNI) but offering only ALPN {@code http/1.1}, with {@code Host} the target's name (or IP
 * literal) and port, and {@code Connection: close}. It reads the response head only, at most
 * {@value #MAX_HEAD_BYTES} bytes of headers, and closes: status, {@code Location} of a redirect,
 * {@code Server}, and the first {@code Strict-Transport-Security} header ({@link HstsHeader}). One
 * connection; the head must arrive within {@link #ANSWER_TIMEOUT} of the request and within the
 * target's deadline. It {@linkplain #runsLast runs last}: a server that serves one connection at a
 * time and never answers HTTP would otherwise stall the raw probes' hellos meanwhile.
 */
public final class HttpProbe implements NetworkProbe<HttpReport> {
  public static final ProbeKey<HttpReport> KEY = new ProbeKey<>(ProbeId.HTTP);

  /** Most bytes of response headers read; a longer head fails the probe. */
  public static final int MAX_HEAD_BYTES = 16 * 1024;

  /** Longest status line read. */
  static final int MAX_STATUS_LINE_BYTES = 4096;

  /**
   * How long the response head may take after the request: a server that reads the request and
   * never answers (one that does not speak HTTP) lets the connection go then, not at the deadline.
   */
  public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

  private static final int HTTPS_PORT = 443;
  private static final SectionFill<HttpReport, HttpReport> FILLS = SectionFill.of(HostReport.HTTP);

  private final Connector connector;

  /** Built on first use: a scan that does not ask for HTTP pays nothing for it. */
  private final Mono<SslContext> tls;

  /**
   * @param connector opens the connection
   * @param maxCertificateListBytes the largest certificate list the TLS engine will accept
   */
  public HttpProbe(Connector connector, int maxCertificateListBytes) {
    this.connector = requireNonNull(connector, "connector");
    this.tls =
        Mono.fromCallable(() -> HandshakeClientContext.http1(maxCertificateListBytes)).cache();
  }

  @Override
  public ProbeKey<HttpReport> key() {
    return KEY;
  }

  @Override
  public SectionFill<HttpReport, HttpReport> fills() {
    return FILLS;
  }

  @Override
  public boolean runsLast() {
    return true;
  }

  /**
   * HTTPS is TLS over TCP from the first byte to a web server: a DTLS server, one reached through
   * STARTTLS, or one whose line names another service's scheme ({@code smtps://}, {@code
   * imaps://}...) has no HTTP to ask.
   */
  @Override
  public boolean appliesTo(Target target) {
    return target.mayServeHttp();
  }

  @Override
  public Mono<HttpReport> run(ProbeContext context) {
    ProbeTarget target = context.target();
    return tls.flatMap(
        sslContext ->
            connector.withConnection(
                target.endpoint(),
                target.tracker(),
                channel -> exchange(sslContext, channel, target)));
  }

  /** Builds the pipeline; runs while the channel is set up, before it connects. */
  private static Mono<HttpReport> exchange(
      SslContext sslContext, Channel channel, ProbeTarget target) {
    return Mono.create(
        sink -> {
          SslHandler ssl =
              target.serverName() == null
                  ? sslContext.newHandler(channel.alloc())
                  : sslContext.newHandler(
                      channel.alloc(), target.serverName(), target.address().getPort());
          ssl.setHandshakeTimeoutMillis(0);
          channel
              .pipeline()
              .addLast(
                  new NotTlsGuard(),
                  ssl,
                  new HttpClientCodec(decoderConfig(), false, false),
                  new ResponseHeadHandler(sink, hostHeader(target), ANSWER_TIMEOUT));
        });
  }

  private static HttpDecoderConfig decoderConfig() {
    return new HttpDecoderConfig()
        .setMaxInitialLineLength(MAX_STATUS_LINE_BYTES)
        .setMaxHeaderSize(MAX_HEAD_BYTES)
        // Header values are only read and reported escaped: a control character in one is a fact
        // about the server, not a reason to drop the response.
        .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValueValidation(false));
  }

  /**
   * {@code host[:port]}: the SNI name, else the IP literal (IPv6 in brackets, RFC 5952 form); the
   * port unless it is 443.
   */
  static String hostHeader(ProbeTarget target) {
    InetAddress address = target.address().getAddress();
    String host =
        target.serverName() != null
            ? target.serverName()
            : address instanceof Inet6Address
                ? "[" + NetUtil.toAddressString(address) + "]"
                : NetUtil.toAddressString(address);
    int port = target.address().getPort();
    return port == HTTPS_PORT ? host : host + ":" + port;
  }
}
