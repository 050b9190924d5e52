package io.tlsscan.samples.hostile;

import static java.util.Objects.requireNonNull;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.OpenSsl;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.tlsscan.samples.fleet.CloseOnErrorHandler;
import io.tlsscan.samples.fleet.ConnectionLifetimeHandler;
import io.tlsscan.samples.fleet.DemoEndpoint;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hostile fleet: servers on loopback that try to hurt a scanner — they stall, drip, lie
 * about record lengths, flood, send a 1 MiB chain or 10,000 names, break off mid-handshake —
 * each with what a careful scan reports for it ({@link DemoEndpoint#expected()}).
 *
 * <pre>{@code
 * try (HostileFleet fleet = HostileFleet.start()) {
 *   fleet.writeHostList(hosts);   // tlsscan scan -i hosts --ca-file fleet.caFile() --timeout 2s
 *   DemoEndpoint drip = fleet.endpoint("drip");   // drip.expected().errorKind() is "timeout"
 * }
 * }</pre>
 *
 * <p>Endpoint {@code i} listens on its own address, {@link #DEFAULT_BASE_ADDRESS} + {@code i + 1}
 * ({@code 127.0.88.1}, ...), on a port the system picks. Host names end in {@code .hostile.test};
 * each host-list line names the address to connect to, so no DNS is needed. The servers that
 * complete a handshake have leaves from the fleet's own root CA ({@link #caFile()}), made at
 * start-up. All servers share one event loop group of four daemon threads. No connection lives longer
 * than 30 seconds, or 10 minutes for the servers that stall. {@link #close()} stops everything.
 */
public final class HostileFleet implements AutoCloseable {
  /** The address below the first endpoint's address when none is given. */
  public static final String DEFAULT_BASE_ADDRESS = "127.0.88.0";

  /** More loops than cores, so that one server's slow handshake holds up few others. */
  private static final int EVENT_LOOP_THREADS = 4;
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);

  private final List<DemoEndpoint> endpoints;
  private final X509Certificate caCertificate;
  private final Path caFile;
  private final EventLoopGroup group;
  private final List<Channel> servers;
  private final ChannelGroup connections;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HostileFleet(
      List<DemoEndpoint> endpoints,
      X509Certificate caCertificate,
      Path caFile,
      EventLoopGroup group,
      List<Channel> servers,
      ChannelGroup connections) {
    this.endpoints = List.copyOf(endpoints);
    this.caCertificate = caCertificate;
    this.caFile = caFile;
    this.group = group;
    this.servers = List.copyOf(servers);
    this.connections = connections;
  }

  /** Starts the fleet on {@code 127.0.88.1} and the addresses after it. */
  public static HostileFleet start() {
    try {
      return start(InetAddress.getByName(DEFAULT_BASE_ADDRESS));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an IP literal always parses", e);
    }
  }

  /**
   * Starts the fleet on the loopback addresses after {@code baseAddress}.
   *
   * @param baseAddress an IPv4 loopback address; the endpoints use the next addresses up to at
   *     most {@code x.y.z.254}
   * @throws IllegalArgumentException when {@code baseAddress} is not IPv4 loopback or leaves too
   *     few addresses
   * @throws IllegalStateException when netty-tcnative (BoringSSL) is not available or a server
   *     cannot bind
   * @throws UncheckedIOException when the CA file cannot be written
   */
  public static HostileFleet start(InetAddress baseAddress) {
    requireNonNull(baseAddress, "baseAddress");
    if (!(baseAddress instanceof Inet4Address ipv4) || !baseAddress.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the hostile fleet needs an IPv4 loopback base address: "
              + baseAddress.getHostAddress());
    }
    if (!OpenSsl.isAvailable()) {
      throw new IllegalStateException(
          "the hostile fleet needs netty-tcnative (BoringSSL)", OpenSsl.unavailabilityCause());
    }
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Issued root =
        TestPki.certificate("CN=tlsscan Hostile Root CA")
            .ca()
            .validity(from, from.plus(CA_VALIDITY))
            .selfSigned();
    List<HostilePlan> plans = HostileCatalog.plans(root, ipv4);
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            EVENT_LOOP_THREADS,
            new DefaultThreadFactory("tlsscan-hostile", true),
            NioIoHandler.newFactory());
    List<Channel> servers = new ArrayList<>();
    ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    Path caFile = null;
    try {
      List<DemoEndpoint> endpoints = bindAll(plans, group, servers, connections);
      caFile = writeCaFile(root);
      return new HostileFleet(endpoints, root.certificate(), caFile, group, servers, connections);
    } catch (RuntimeException e) {
      stop(servers, connections, group);
      deleteQuietly(caFile);
      throw e;
    }
  }

  /** Every endpoint, in a fixed order: silent, lying, flooding, broken, then odd-but-valid. */
  public List<DemoEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * The endpoint called {@code name}, e.g. {@code drip}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public DemoEndpoint endpoint(String name) {
    return endpoints.stream()
        .filter(endpoint -> endpoint.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no hostile endpoint called " + name));
  }

  /** The fleet's root CA certificate, the issuer of every leaf its TLS servers send. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** A PEM file holding the fleet's root CA, for {@code --ca-file}; deleted by {@link #close()}. */
  public Path caFile() {
    return caFile;
  }

  /** The host list that scans every endpoint: a comment line naming the misdeed, then the target. */
  public List<String> hostList() {
    List<String> lines = new ArrayList<>();
    lines.add("# tlsscan hostile fleet; scan with --ca-file " + caFile + " --timeout 2s");
    for (DemoEndpoint endpoint : endpoints) {
      lines.add("# " + endpoint.name() + ": " + endpoint.description());
      lines.add(endpoint.hostLine());
    }
    return List.copyOf(lines);
  }

  /**
   * Writes {@link #hostList()} to {@code file}, replacing it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void writeHostList(Path file) {
    requireNonNull(file, "file");
    try {
      Files.write(file, hostList(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the host list to " + file, e);
    }
  }

  /** Stops every server, closes their connections, and deletes the CA file. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      stop(servers, connections, group);
      deleteQuietly(caFile);
    }
  }

  /** Binds every endpoint at once, then waits for each port. */
  private static List<DemoEndpoint> bindAll(
      List<HostilePlan> plans,
      EventLoopGroup group,
      List<Channel> servers,
      ChannelGroup connections) {
    List<ChannelFuture> binds = new ArrayList<>();
    for (HostilePlan plan : plans) {
      ChannelFuture bind = server(group, plan, connections).bind(plan.address(), 0);
      servers.add(bind.channel());
      binds.add(bind);
    }
    List<DemoEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      endpoints.add(plans.get(i).bound(boundPort(plans.get(i), binds.get(i))));
    }
    return endpoints;
  }

  private static ServerBootstrap server(
      EventLoopGroup group, HostilePlan plan, ChannelGroup connections) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                connections.add(channel);
                channel.pipeline().addLast(new ConnectionLifetimeHandler(plan.lifetime()));
                plan.setup().accept(channel);
                channel.pipeline().addLast(CloseOnErrorHandler.INSTANCE);
              }
            });
  }

  private static int boundPort(HostilePlan plan, ChannelFuture bind) {
    bind.awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new IllegalStateException(
          "cannot bind hostile endpoint " + plan.name() + " to "
              + plan.address().getHostAddress(),
          bind.cause());
    }
    return ((InetSocketAddress) bind.channel().localAddress()).getPort();
  }

  private static Path writeCaFile(Issued root) {
    try {
      Path directory = Files.createTempDirectory("tlsscan-hostile-");
      return Files.writeString(directory.resolve("hostile-ca.pem"), TestPki.pem(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the hostile fleet's CA file", e);
    }
  }

  /**
   * Closes the listening sockets, then every accepted connection, then the event loop; one more
   * task on each loop first lets connections accepted at the last moment finish registering, so
   * they are tracked and closed too.
   */
  private static void stop(
      List<Channel> servers, ChannelGroup connections, EventLoopGroup group) {
    for (Channel server : servers) {
      server.close().awaitUninterruptibly();
    }
    for (EventExecutor loop : group) {
      loop.submit(() -> {}).awaitUninterruptibly();
    }
    connections.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private static void deleteQuietly(Path caFile) {
    if (caFile == null) {
      return;
    }
    try {
      Files.deleteIfExists(caFile);
      Files.deleteIfExists(caFile.getParent());
    } catch (IOException e) {
      // A leftover public CA certificate in the temp directory harms nothing.
    }
  }
}
