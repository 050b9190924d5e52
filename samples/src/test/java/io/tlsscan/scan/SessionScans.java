package io.tlsscan.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.HostReport;
import io.tlsscan.model.SessionReport;
import io.tlsscan.probe.ProbeId;
import io.tlsscan.samples.pki.TestChain;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Scans with the {@code session} probe of servers presenting one test chain, which the scanner
 * trusts, under one host name: what the tests of the {@code session} section share.
 */
final class SessionScans implements AutoCloseable {
  private final String host;
  private final TestChain chain;
  private final Scanner scanner;

  /**
   * @param name the common name the chain's certificates are made from
   * @param host the name the leaf is for, sent as SNI
   * @param timeout the per-target deadline
   */
  SessionScans(String name, String host, Duration timeout) {
    this.host = host;
    this.chain = TestChain.rsa(name, host);
    this.scanner = TestTargets.probing(EnumSet.of(ProbeId.SESSION), timeout, chain.root());
  }

  /** The chain the servers are to present. */
  TestChain chain() {
    return chain;
  }

  /** The record of the server at {@code address}. */
  HostReport scan(InetSocketAddress address) {
    return TestTargets.scan(scanner, host, address);
  }

  /** The session section of the server at {@code address}, which must have been scanned. */
  SessionReport session(InetSocketAddress address) {
    return sectionOf(scan(address));
  }

  /** The session section of {@code report}, which must be an ok record that has one. */
  static SessionReport sectionOf(HostReport report) {
    assertThat(report.ok()).as("%s", report.error()).isTrue();
    assertThat(report.session().resultOrNull()).as("session section of %s", report).isNotNull();
    return report.session().resultOrNull();
  }

  @Override
  public void close() {
    scanner.close();
  }
}
