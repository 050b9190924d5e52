package io.tlsscan.net;

import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DefaultDnsCache;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SequentialDnsServerAddressStreamProvider;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Non-blocking DNS over the scan's event loop, honouring {@code /etc/hosts} and asking the servers
 * of {@code /etc/resolv.conf} or the ones given. IP literals are returned without a query, and the
 * resolver itself is only set up when the first name needs it (a scan of addresses never pays for
 * it). Answers are cached for at most a minute so long host lists do not grow the cache without
 * end.
 */
public final class HostResolver implements AutoCloseable {
  private static final int MAX_CACHE_TTL_SECONDS = 60;
  private final NetworkContext network;
  private final Duration queryTimeout;
  private final List<InetSocketAddress> servers;
  private DnsNameResolver resolver;

  /**
   * @param servers the DNS servers to ask, in order; empty for those of {@code /etc/resolv.conf}
   */
  public HostResolver(
      NetworkContext network, Duration queryTimeout, List<InetSocketAddress> servers) {
    this.network = network;
    this.queryTimeout = queryTimeout;
    this.servers = List.copyOf(servers);
  }

  private synchronized DnsNameResolver resolver() {
    if (resolver == null) {
      resolver = build();
    }
    return resolver;
  }

  private DnsNameResolver build() {
    return new DnsNameResolverBuilder(network.group().next())
        .datagramChannelType(network.datagramChannelType())
        .socketChannelType(network.socketChannelType())
        .nameServerProvider(
            servers.isEmpty()
                ? DnsServerAddressStreamProviders.platformDefault()
                : new SequentialDnsServerAddressStreamProvider(servers))
        .resolvedAddressTypes(ResolvedAddressTypes.IPV4_PREFERRED)
        .resolveCache(new DefaultDnsCache(0, MAX_CACHE_TTL_SECONDS, 0))
        .queryTimeoutMillis(Math.max(1, queryTimeout.toMillis()))
        .build();
  }

  /** The first address of {@code host} (IPv4 preferred), or an {@link UnknownHostException}. */
  public Mono<InetAddress> resolve(String host) {
    InetAddress literal = literal(host);
    if (literal != null) {
      return Mono.just(literal);
    }
    return NettyMono.from(resolver().resolve(host)).onErrorMap(e -> unknownHost(host, e));
  }

  /** Every address of {@code host}, IPv4 first. */
  public Mono<List<InetAddress>> resolveAll(String host) {
    InetAddress literal = literal(host);
    if (literal != null) {
      return Mono.just(List.of(literal));
    }
    return NettyMono.from(resolver().resolveAll(host))
        .map(List::copyOf)
        .onErrorMap(e -> unknownHost(host, e));
  }

  /** The address of an IP literal, or {@code null} when {@code host} is a name. */
  public static InetAddress literal(String host) {
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static Throwable unknownHost(String host, Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return cause;
    }
    var error = new UnknownHostException(host + ": " + cause.getMessage());
    error.initCause(cause);
    return error;
  }

  @Override
  public synchronized void close() {
    if (resolver != null) {
      resolver.close();
    }
  }
}
