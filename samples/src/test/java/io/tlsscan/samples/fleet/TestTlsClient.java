package io.tlsscan.samples.fleet;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.Future;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * A TLS client for the tests, like the scanner's: BoringSSL, every certificate accepted, no
 * hostname verification, SNI set to the endpoint's host. After the handshake it sends one HTTP
 * request and keeps the reply.
 */
final class TestTlsClient implements AutoCloseable {
  private static final long TIMEOUT_MS = 5_000;
  private static final int MAX_REPLY_BYTES = 4096;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  /** What a handshake attempt gave. */
  sealed interface Outcome {
    /** The handshake completed. */
    record Completed(String protocol, String cipher, List<X509Certificate> chain, String reply)
        implements Outcome {
      X509Certificate leaf() {
        return chain.get(0);
      }
    }

    /** The handshake failed. */
    record Failed(Throwable cause) implements Outcome {}
  }

  /** Handshakes with {@code endpoint} offering the given protocols (TLS 1.0 to 1.3 if none). */
  Outcome handshake(DemoEndpoint endpoint, String... protocols) throws Exception {
    SslContext context = context(protocols.length == 0 ? allProtocols() : protocols);
    ReplyCollector reply = new ReplyCollector();
    SslHandler tls = context.newHandler(ByteBufAllocator.DEFAULT, endpoint.host(), endpoint.port());
    ChannelFuture connect =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT_MS)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(tls, reply);
                  }
                })
            .connect(new InetSocketAddress(endpoint.address(), endpoint.port()));
    Channel channel = connect.sync().channel();
    try {
      Future<Channel> handshake = tls.handshakeFuture();
      if (!handshake.await(TIMEOUT_MS)) {
        return new Outcome.Failed(
            new TimeoutException("no handshake within " + TIMEOUT_MS + " ms"));
      }
      if (!handshake.isSuccess()) {
        return new Outcome.Failed(handshake.cause());
      }
      SSLSession session = tls.engine().getSession();
      List<X509Certificate> chain = reparse(session.getPeerCertificates());
      channel.writeAndFlush(
          Unpooled.copiedBuffer(
              "GET / HTTP/1.1\r\nHost: " + endpoint.host() + "\r\n\r\n",
              StandardCharsets.US_ASCII));
      channel.closeFuture().await(TIMEOUT_MS);
      return new Outcome.Completed(
          session.getProtocol(), session.getCipherSuite(), chain, reply.text());
    } finally {
      channel.close().sync();
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static String[] allProtocols() {
    return new String[] {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
  }

  private static SslContext context(String... protocols) throws SSLException {
    return SslContextBuilder.forClient()
        .sslProvider(SslProvider.OPENSSL)
        .trustManager(InsecureTrustManagerFactory.INSTANCE)
        .endpointIdentificationAlgorithm(null)
        .protocols(protocols)
        .build();
  }

  /** Copies the peer's certificates into plain JDK certificates, order kept. */
  private static List<X509Certificate> reparse(Certificate[] peer) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    for (Certificate certificate : peer) {
      chain.add(
          (X509Certificate)
              factory.generateCertificate(new ByteArrayInputStream(certificate.getEncoded())));
    }
    return chain;
  }

  /** Keeps at most {@link #MAX_REPLY_BYTES} of what the server sends after the handshake. */
  private static final class ReplyCollector extends SimpleChannelInboundHandler<ByteBuf> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    protected synchronized void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      int room = MAX_REPLY_BYTES - bytes.size();
      int length = Math.min(room, msg.readableBytes());
      byte[] chunk = new byte[length];
      msg.readBytes(chunk);
      bytes.write(chunk, 0, length);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.US_ASCII);
    }
  }
}
