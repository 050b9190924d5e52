package io.tlsscan.samples.fleet;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A running fleet of servers on loopback, as scanners and tests use it: its endpoints, its root CA,
 * the host list that scans it all. Every method but {@link #loopback()} answers from the {@link
 * LoopbackFleet} the fleet runs on; {@link DemoFleet} and {@code HostileFleet} differ only in the
 * servers they start.
 */
public interface Fleet extends AutoCloseable {
  /** The servers, connections and CA file this fleet runs on. */
  LoopbackFleet loopback();

  /** Every endpoint, in the fleet's fixed order. */
  default List<DemoEndpoint> endpoints() {
    return loopback().endpoints();
  }

  /**
   * The endpoint called {@code name}, e.g. {@code expired}.
   *
   * @throws IllegalArgumentException when there is none
   */
  default DemoEndpoint endpoint(String name) {
    return loopback().endpoint(name);
  }

  /** The fleet's root CA certificate, the trust anchor of its trusted endpoints. */
  default X509Certificate caCertificate() {
    return loopback().caCertificate();
  }

  /** A PEM file holding the fleet's root CA, for {@code --ca-file}; deleted by {@link #close()}. */
  default Path caFile() {
    return loopback().caFile();
  }

  /**
   * The host list that scans every endpoint: a first comment line with the scan options, then for
   * each endpoint a comment line saying what is wrong with it and its target line.
   */
  default List<String> hostList() {
    return loopback().hostList();
  }

  /**
   * Writes {@link #hostList()} to {@code file}, replacing it.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  default void writeHostList(Path file) {
    loopback().writeHostList(file);
  }

  /** Stops every server, closes their connections, and deletes the CA file. Idempotent. */
  @Override
  default void close() {
    loopback().close();
  }
}
