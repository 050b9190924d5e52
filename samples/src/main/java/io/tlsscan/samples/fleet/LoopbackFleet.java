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
import io.tlsscan.samples.openssl.OpenSslServer;
import io.tlsscan.samples.pki.TestPki;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The running part every fleet of loopback servers has, whatever its servers do: the bound
 * endpoints, one event loop group of daemon threads they share, the accepted connections, a PEM
 * file holding the fleet's root CA, the host list that scans them all, and a {@link #close()} that
 * stops everything. {@link DemoFleet} and {@code HostileFleet} each run on one.
 *
 * <p>Servers are bound on a port the system picks. A server that does not listen gets a port
 * nothing listens on at its own address. Every accepted connection is closed after the lifetime its
 * server gives it, and on the first exception in its pipeline.
 */
public final class LoopbackFleet implements AutoCloseable {
  private final String kind;
  private final List<DemoEndpoint> endpoints;
  private final X509Certificate caCertificate;
  private final Path caFile;
  private final String hostListHeader;
  private final EventLoopGroup group;
  private final List<Channel> servers;
  private final ChannelGroup connections;
  private final List<OpenSslServer> processes;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LoopbackFleet(
      String kind,
      List<DemoEndpoint> endpoints,
      X509Certificate caCertificate,
      Path caFile,
      String hostListHeader,
      EventLoopGroup group,
      List<Channel> servers,
      ChannelGroup connections,
      List<OpenSslServer> processes) {
    this.kind = kind;
    this.endpoints = List.copyOf(endpoints);
    this.caCertificate = caCertificate;
    this.caFile = caFile;
    this.hostListHeader = hostListHeader;
    this.group = group;
    this.servers = List.copyOf(servers);
    this.connections = connections;
    this.processes = List.copyOf(processes);
  }

  /**
   * One server of a fleet before it is bound.
   *
   * <p>{@link #name()} and {@link #address()} name it in error messages; {@link #behaviour()} says
   * whether and how it serves; {@link #bound(int)} is the endpoint it becomes on its port.
   */
  public interface Plan {
    /** Short name, e.g. {@code expired}. */
    String name();

    /** The loopback address it listens on (or, when not listening, does not). */
    InetAddress address();

    /** What the server does at its address. */
    ServerBehaviour behaviour();

    /** The endpoint as scanned once it has {@code port}. */
    DemoEndpoint bound(int port);
  }

  /**
   * Binds every server of {@code plans} at once and writes the CA file; on failure stops whatever
   * started and rethrows.
   *
   * @param kind what the fleet is called in thread, file and host names and in messages, e.g.
   *     {@code demo}
   * @param eventLoopThreads how many daemon threads serve every connection of the fleet
   * @param scanOptions options the host list's first line adds to its scan command, e.g. {@code
   *     --timeout 2s}; empty for none
   * @param caCertificate the fleet's root CA, written to {@link #caFile()}
   * @param plans the servers, in the order of {@link #endpoints()}
   * @throws IllegalStateException when a server cannot bind
   * @throws UncheckedIOException when the CA file cannot be written
   */
  public static LoopbackFleet start(
      String kind,
      int eventLoopThreads,
      String scanOptions,
      X509Certificate caCertificate,
      List<? extends Plan> plans) {
    requireNonNull(kind, "kind");
    requireNonNull(scanOptions, "scanOptions");
    requireNonNull(caCertificate, "caCertificate");
    requireNonNull(plans, "plans");
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            eventLoopThreads,
            new DefaultThreadFactory("tlsscan-" + kind, true),
            NioIoHandler.newFactory());
    List<Channel> servers = new ArrayList<>();
    ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    List<OpenSslServer> processes = new ArrayList<>();
    Path caFile = null;
    try {
      List<DemoEndpoint> endpoints = bindAll(kind, plans, group, servers, connections, processes);
      caFile = writeCaFile(kind, caCertificate);
      String header =
          "# tlsscan "
              + kind
              + " fleet; scan with --ca-file "
              + caFile
              + (scanOptions.isEmpty() ? "" : " " + scanOptions);
      return new LoopbackFleet(
          kind, endpoints, caCertificate, caFile, header, group, servers, connections, processes);
    } catch (RuntimeException e) {
      processes.forEach(OpenSslServer::close);
      stop(servers, connections, group);
      deleteQuietly(caFile);
      throw e;
    }
  }

  /**
   * The IPv4 address a dotted-quad literal such as {@code 127.0.77.0} names, without any lookup.
   *
   * @throws IllegalArgumentException when {@code literal} is not four decimal octets
   */
  public static Inet4Address ipv4Literal(String literal) {
    requireNonNull(literal, "literal");
    String[] parts = literal.split("\\.", -1);
    byte[] octets = new byte[4];
    if (parts.length != octets.length) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal);
    }
    for (int i = 0; i < octets.length; i++) {
      if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
        throw new IllegalArgumentException("not an IPv4 literal: " + literal);
      }
      octets[i] = (byte) Integer.parseInt(parts[i]);
    }
    try {
      return (Inet4Address) InetAddress.getByAddress(octets);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes always make an IPv4 address", e);
    }
  }

  /**
   * The address of endpoint {@code index} (0-based) of a fleet whose addresses count up from {@code
   * base}: base + index + 1.
   *
   * @throws IllegalArgumentException when it would pass {@code .254}, naming the fleet's {@code
   *     kind}
   */
  public static InetAddress endpointAddress(byte[] base, int index, String kind) {
    byte[] address = base.clone();
    int last = (address[3] & 0xff) + index + 1;
    if (last > 254) {
      throw new IllegalArgumentException(
          "base address leaves no room for the " + kind + " endpoints: " + (base[3] & 0xff));
    }
    address[3] = (byte) last;
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }

  /**
   * {@code baseAddress} as the IPv4 loopback address a fleet's endpoint addresses count up from.
   *
   * @throws IllegalArgumentException when it is not IPv4 loopback
   */
  public static Inet4Address requireIpv4Loopback(InetAddress baseAddress, String kind) {
    requireNonNull(baseAddress, "baseAddress");
    if (!(baseAddress instanceof Inet4Address ipv4) || !baseAddress.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the "
              + kind
              + " fleet needs an IPv4 loopback base address: "
              + baseAddress.getHostAddress());
    }
    return ipv4;
  }

  /**
   * Checks that netty-tcnative (BoringSSL) is loaded, as the fleets' TLS servers need it.
   *
   * @throws IllegalStateException when it is not available
   */
  public static void requireBoringSsl(String kind) {
    if (!OpenSsl.isAvailable()) {
      throw new IllegalStateException(
          "the " + kind + " fleet needs netty-tcnative (BoringSSL)", OpenSsl.unavailabilityCause());
    }
  }

  /** What the fleet is called, e.g. {@code demo}. */
  public String kind() {
    return kind;
  }

  /** Every endpoint, in the order of the plans the fleet started from. */
  public List<DemoEndpoint> endpoints() {
    return endpoints;
  }

  /**
   * The endpoint called {@code name}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public DemoEndpoint endpoint(String name) {
    return endpoints.stream()
        .filter(endpoint -> endpoint.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + kind + " endpoint called " + name));
  }

  /** The fleet's root CA certificate. */
  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /**
   * A PEM file holding {@link #caCertificate()}, for {@code --ca-file}; deleted by {@link
   * #close()}.
   */
  public Path caFile() {
    return caFile;
  }

  /**
   * The host list that scans every endpoint: a first comment line with the scan options, then for
   * each endpoint a comment line with its description and its target line.
   */
  public List<String> hostList() {
    List<String> lines = new ArrayList<>();
    lines.add(hostListHeader);
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
      processes.forEach(OpenSslServer::close);
      stop(servers, connections, group);
      deleteQuietly(caFile);
    }
  }

  /** Binds every listening server at once, then waits for each port. */
  private static List<DemoEndpoint> bindAll(
      String kind,
      List<? extends Plan> plans,
      EventLoopGroup group,
      List<Channel> servers,
      ChannelGroup connections,
      List<OpenSslServer> processes) {
    List<IntSupplier> ports = new ArrayList<>();
    for (Plan plan : plans) {
      if (plan.behaviour() instanceof ServerBehaviour.Datagram datagram) {
        OpenSslServer process = datagram.start().apply(plan.address());
        processes.add(process);
        ports.add(() -> process.address().getPort());
      } else if (plan.behaviour() instanceof Listening listening) {
        ChannelFuture bind = server(group, listening, connections).bind(plan.address(), 0);
        servers.add(bind.channel());
        ports.add(() -> boundPort(kind, plan, bind));
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

  private static int boundPort(String kind, Plan plan, ChannelFuture bind) {
    bind.awaitUninterruptibly();
    if (!bind.isSuccess()) {
      throw new IllegalStateException(
          "cannot bind "
              + kind
              + " endpoint "
              + plan.name()
              + " to "
              + plan.address().getHostAddress(),
          bind.cause());
    }
    return ((InetSocketAddress) bind.channel().localAddress()).getPort();
  }

  /**
   * A port nothing listens on at {@code address}: one the system hands out, released at once. The
   * address is this endpoint's alone, so no other server of the fleet can take the port over.
   */
  private static int unusedPort(InetAddress address) {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("cannot find a free port on " + address.getHostAddress(), e);
    }
  }

  private static Path writeCaFile(String kind, X509Certificate root) {
    try {
      Path directory = Files.createTempDirectory("tlsscan-" + kind + "-");
      return Files.writeString(directory.resolve(kind + "-ca.pem"), TestPki.pem(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + kind + " fleet's CA file", e);
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
