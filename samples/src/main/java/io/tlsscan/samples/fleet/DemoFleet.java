package io.tlsscan.samples.fleet;

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
import io.tlsscan.samples.fleet.ServerBehaviour.Listening;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The demo fleet: two dozen servers on loopback, each with one known flaw (expired certificate,
 * missing intermediate, TLS 1.0 only, a tarpit, an SSH banner, a closed port, ...), with
 * certificates from a private CA made at start-up.
 *
 * <pre>{@code
 * try (DemoFleet fleet = DemoFleet.start()) {
 *   fleet.writeHostList(hosts);          // one "name:port address" line per endpoint
 *   // tlsscan scan -i hosts --ca-file fleet.caFile()
 *   for (DemoEndpoint e : fleet.endpoints()) { ... e.expected() ... }
 * }
 * }</pre>
 *
 * <p>Endpoint {@code i} listens on its own address, {@link #DEFAULT_BASE_ADDRESS} + {@code i + 1}
 * ({@code 127.0.77.1}, {@code 127.0.77.2}, ...), on a port the system picks, so several fleets can
 * run at once. Host names end in {@code .demo.test} and need no DNS: each host-list line names the
 * address to connect to. The servers share one event loop of two daemon threads; they answer a
 * completed TLS handshake's first request with a tiny HTTP response, so curl and {@code openssl
 * s_client} work too. No connection lives longer than 30 seconds, or 10 minutes for the stalling
 * servers. {@link #close()} stops every server and deletes the CA file.
 */
public final class DemoFleet implements AutoCloseable {
  /** The address below the first endpoint's address when none is given. */
  public static final String DEFAULT_BASE_ADDRESS = "127.0.77.0";

  private static final int EVENT_LOOP_THREADS = 2;

  private final List<DemoEndpoint> endpoints;
  private final X509Certificate caCertificate;
  private final Path caFile;
  private final EventLoopGroup group;
  private final List<Channel> servers;
  private final ChannelGroup connections;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoFleet(
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

  /** Starts the fleet on {@code 127.0.77.1} and the addresses after it. */
  public static DemoFleet start() {
    try {
      return start(InetAddress.getByName(DEFAULT_BASE_ADDRESS));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an IP literal always parses", e);
    }
  }

  /**
   * Starts the fleet on the loopback addresses after {@code baseAddress}.
   *
   * @param baseAddress an IPv4 loopback address; the endpoints use the next addresses up to at most
   *     {@code x.y.z.254}
   * @throws IllegalArgumentException when {@code baseAddress} is not IPv4 loopback or leaves too
   *     few addresses
   * @throws IllegalStateException when netty-tcnative (BoringSSL) is not available or a server
   *     cannot bind
   * @throws UncheckedIOException when the CA file cannot be written
   */
  public static DemoFleet start(InetAddress baseAddress) {
    requireNonNull(baseAddress, "baseAddress");
    if (!(baseAddress instanceof Inet4Address ipv4) || !baseAddress.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the demo fleet needs an IPv4 loopback base address: " + baseAddress.getHostAddress());
    }
    // Loading BoringSSL and starting Bouncy Castle each take a few hundred ms: do both at once.
    CompletableFuture<FleetPki> startingPki = CompletableFuture.supplyAsync(FleetPki::create);
    if (!OpenSsl.isAvailable()) {
      throw new IllegalStateException(
          "the demo fleet needs netty-tcnative (BoringSSL)", OpenSsl.unavailabilityCause());
    }
    FleetPki pki = startingPki.join();
    List<EndpointPlan> plans = FleetCatalog.plans(pki, ipv4);
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            EVENT_LOOP_THREADS,
            new DefaultThreadFactory("tlsscan-demo", true),
            NioIoHandler.newFactory());
    List<Channel> servers = new ArrayList<>();
    ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    Path caFile = null;
    try {
      List<DemoEndpoint> endpoints = bindAll(plans, group, servers, connections);
      caFile = writeCaFile(pki.root().certificate());
      return new DemoFleet(
          endpoints, pki.root().certificate(), caFile, group, servers, connections);
    } catch (RuntimeException e) {
      stop(servers, connections, group);
      deleteQuietly(caFile);
      throw e;
    }
  }

  /** Every endpoint, in a fixed order: trusted first, then certificate, protocol, non-TLS flaws. */
  public List<DemoEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * The endpoint called {@code name}, e.g. {@code expired}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public DemoEndpoint endpoint(String name) {
    return endpoints.stream()
        .filter(endpoint -> endpoint.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no demo endpoint called " + name));
  }

  /** The demo root CA certificate, the one trust anchor of the trusted endpoints. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** The demo root CA certificate as PEM text. */
  public String caPem() {
    return Pem.of(caCertificate);
  }

  /** A PEM file holding the demo root CA, for {@code --ca-file}; deleted by {@link #close()}. */
  public Path caFile() {
    return caFile;
  }

  /** The host list that scans every endpoint: a comment line naming the flaw, then the target. */
  public List<String> hostList() {
    List<String> lines = new ArrayList<>();
    lines.add("# tlsscan demo fleet; scan with --ca-file " + caFile);
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

  /** Binds every listening endpoint at once, then waits for each port. */
  private static List<DemoEndpoint> bindAll(
      List<EndpointPlan> plans,
      EventLoopGroup group,
      List<Channel> servers,
      ChannelGroup connections) {
    List<IntSupplier> ports = new ArrayList<>();
    for (EndpointPlan plan : plans) {
      if (plan.behaviour() instanceof Listening listening) {
        ChannelFuture bind = server(group, listening, connections).bind(plan.address(), 0);
        servers.add(bind.channel());
        ports.add(() -> boundPort(plan, bind));
      } else {
        ports.add(() -> unusedPort(plan.address()));
      }
    }
    List<DemoEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      endpoints.add(plans.get(i).bound(ports.get(i).getAsInt()));
    }
    return endpoints;
  }

  private static ServerBootstrap server(
      EventLoopGroup group, Listening listening, ChannelGroup connections) {
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel channel) {
                connections.add(channel);
                channel.pipeline().addLast(new ConnectionLifetimeHandler(listening.lifetime()));
                listening.setup().accept(channel);
                channel.pipeline().addLast(CloseOnErrorHandler.INSTANCE);
              }
            });
  }

  private static int boundPort(EndpointPlan plan, ChannelFuture bind) {
    bind.awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new IllegalStateException(
          "cannot bind demo endpoint " + plan.name() + " to " + plan.address().getHostAddress(),
          bind.cause());
    }
    return ((InetSocketAddress) bind.channel().localAddress()).getPort();
  }

  /**
   * A port nothing listens on at {@code address}: one the system hands out, released at once. The
   * address is this endpoint's alone, so no other demo server can take the port over.
   */
  private static int unusedPort(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("cannot find a free port on " + address.getHostAddress(), e);
    }
  }

  private static Path writeCaFile(X509Certificate root) {
    try {
      Path directory = Files.createTempDirectory("tlsscan-demo-");
      return Files.writeString(directory.resolve("demo-ca.pem"), Pem.of(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo CA file", e);
    }
  }

  /**
   * Closes the listening sockets, then every accepted connection, then the event loop. Shutting the
   * loop down does not reliably close the connections registered with it, so they are tracked and
   * closed here. A connection accepted just before its server closed is registered (and tracked) by
   * a task still queued on its loop: running one more task on each loop first makes sure those
   * registrations are done.
   */
  private static void stop(List<Channel> servers, ChannelGroup connections, EventLoopGroup group) {
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
