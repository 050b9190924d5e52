package io.tlsscan.scan;

import static java.util.Objects.requireNonNull;

import io.tlsscan.cert.CertificateAnalyzer;
import io.tlsscan.cert.TrustAnchors;
import io.tlsscan.cert.TrustAnchorsException;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.net.ConnectionRateLimiter;
import io.tlsscan.net.Connector;
import io.tlsscan.net.HostResolver;
import io.tlsscan.net.NetworkContext;
import io.tlsscan.policy.BuiltInPolicies;
import io.tlsscan.policy.Policy;
import io.tlsscan.policy.PolicyEvaluator;
import io.tlsscan.probe.handshake.HandshakeProbe;
import io.tlsscan.probe.raw.RawHelloClient;
import io.tlsscan.target.HostListEntry;
import io.tlsscan.target.InvalidTarget;
import io.tlsscan.target.Target;
import java.time.Clock;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The public entry point: scans a stream of targets and streams one {@link HostReport} per target,
 * in completion order, with at most {@link ScanOptions#concurrency()} targets in flight. Memory is
 * bounded by the concurrency, not by the number of targets. Usable as a library:
 *
 * <pre>{@code
 * try (Scanner scanner = Scanner.builder().options(ScanOptions.defaults()).build()) {
 *   scanner.scan(Flux.just(target)).doOnNext(System.out::println).blockLast();
 * }
 * }</pre>
 *
 * <p>Cancelling the returned Flux stops taking targets and closes the connections in flight.
 * Closing the scanner releases its event loop (when it created it).
 */
public final class Scanner implements AutoCloseable {
  private final NetworkContext network;
  private final boolean ownsNetwork;
  private final HostResolver resolver;
  private final HostScanner hostScanner;
  private final ScanOptions options;
  private final PolicyEvaluator policy;
  private final Clock clock;

  private Scanner(Builder builder) {
    this.options = builder.options;
    this.policy = new PolicyEvaluator(builder.policy);
    this.clock = builder.clock;
    this.ownsNetwork = builder.network == null;
    this.network = ownsNetwork ? NetworkContext.create() : builder.network;
    this.resolver = new HostResolver(network, options.connectTimeout(), options.dnsServers());
    ConnectionRateLimiter rateLimiter =
        new ConnectionRateLimiter(options.ratePerSecond(), options.perIpRatePerSecond());
    Connector connector =
        new Connector(
            network, options.connectTimeout(), options.maxBytesPerConnection(), rateLimiter);
    HandshakeProbe handshake = new HandshakeProbe(connector, options.maxBytesPerConnection());
    RawHelloClient raw = new RawHelloClient(connector);
    TrustAnchors given = builder.trustAnchors;
    this.hostScanner =
        new HostScanner(
            options,
            resolver,
            rateLimiter,
            handshake,
            Probes.all(raw, handshake, new LazyAnalyzer(given), clock),
            clock);
  }

  /**
   * The certificate analyzer, made when the first chain arrives: reading and indexing the system's
   * CA bundle (which the command line's preloader has usually done meanwhile) then overlaps with
   * the first connections instead of delaying them. After that, a volatile read per record.
   */
  private static final class LazyAnalyzer implements Supplier<CertificateAnalyzer> {
    private final TrustAnchors given;
    private volatile CertificateAnalyzer analyzer;

    LazyAnalyzer(TrustAnchors given) {
      this.given = given;
    }

    @Override
    public CertificateAnalyzer get() {
      CertificateAnalyzer made = analyzer;
      if (made == null) {
        synchronized (this) {
          made = analyzer;
          if (made == null) {
            made = new CertificateAnalyzer(given != null ? given : systemTrustAnchors());
            analyzer = made;
          }
        }
      }
      return made;
    }

    private static TrustAnchors systemTrustAnchors() {
      try {
        return TrustAnchors.systemDefault();
      } catch (TrustAnchorsException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Scans valid targets. */
  public Flux<HostReport> scan(Flux<Target> targets) {
    return scanEntries(targets);
  }

  /**
   * Scans host-list entries: valid targets are scanned, invalid ones become {@code invalid_target}
   * records at once. Exactly one report comes out per entry.
   */
  public Flux<HostReport> scanEntries(Flux<? extends HostListEntry> entries) {
    return scanEntries(entries, Mono.never());
  }

  /**
   * Like {@link #scanEntries(Flux)}, and when {@code cancelInFlight} signals, every target still in
   * flight ends at once with a {@code cancelled} record (its connections are closed). Stopping the
   * intake of new targets is the caller's part: end {@code entries}.
   */
  public Flux<HostReport> scanEntries(
      Flux<? extends HostListEntry> entries, Mono<?> cancelInFlight) {
    Mono<Void> cancel = cancelInFlight.then().cache();
    return entries.flatMap(entry -> scanEntry(entry, cancel), options.concurrency(), 1);
  }

  private Flux<HostReport> scanEntry(HostListEntry entry, Mono<Void> cancel) {
    if (entry instanceof Target target) {
      return hostScanner
          .scan(target, cancel)
          .map(report -> report.withFindings(policy.evaluate(report)));
    }
    InvalidTarget invalid = (InvalidTarget) entry;
    return Flux.just(
        HostReport.failed(
            new TargetInfo(invalid.input(), invalid.line(), null, null, null, null),
            new ScanError(ErrorKind.INVALID_TARGET, "parse", invalid.reason()),
            clock.instant(),
            0,
            0));
  }

  public ScanOptions options() {
    return options;
  }

  /** The policy records are judged against. */
  public Policy policy() {
    return policy.policy();
  }

  /** {@code epoll} or {@code nio}. */
  public String transportName() {
    return network.transportName();
  }

  @Override
  public void close() {
    resolver.close();
    if (ownsNetwork) {
      network.close();
    }
  }

  /** Builds a {@link Scanner}; every setting has the default of {@link ScanOptions#defaults()}. */
  public static final class Builder {
    private ScanOptions options = ScanOptions.defaults();
    private TrustAnchors trustAnchors;
    private Policy policy = BuiltInPolicies.defaultPolicy();
    private NetworkContext network;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder options(ScanOptions value) {
      this.options = requireNonNull(value, "options");
      return this;
    }

    /** Trust anchors for chain validation; default: the system's CA bundle. */
    public Builder trustAnchors(TrustAnchors value) {
      this.trustAnchors = requireNonNull(value, "trustAnchors");
      return this;
    }

    /** The policy findings come from; default: {@value BuiltInPolicies#DEFAULT}. */
    public Builder policy(Policy value) {
      this.policy = requireNonNull(value, "policy");
      return this;
    }

    /** Shares an existing event loop; default: the scanner creates and closes its own. */
    public Builder network(NetworkContext value) {
      this.network = requireNonNull(value, "network");
      return this;
    }

    /** Clock for timestamps and certificate validity; default: system UTC. */
    public Builder clock(Clock value) {
      this.clock = requireNonNull(value, "clock");
      return this;
    }

    public Scanner build() {
      return new Scanner(this);
    }
  }
}
