package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real OpenLDAP {@code slapd} (Debian's, installed by {@code samples/starttls/install.sh})
 * offering StartTLS: one empty database, a {@code slapd.conf} of its own in a temp directory, run
 * in the foreground on a loopback address; stopped and removed on close.
 */
public final class SlapdServer {
  private static final Path SLAPD = Path.of("/usr/sbin/slapd");

  private SlapdServer() {}

  /** Whether slapd is installed. */
  public static boolean installed() {
    return Files.isExecutable(SLAPD);
  }

  /**
   * Starts an LDAP server on a free port of {@code host} that serves {@code leaf} and {@code chain}
   * after StartTLS.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static InteropServer start(String host, TestPki.Issued leaf, TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("slapd", leaf, chain);
      Path directory = credentials.chain().getParent();
      Path database = Files.createDirectory(directory.resolve("database"));
      Path config =
          ServerProcess.writeLines(
              directory.resolve("slapd.conf"),
              List.of(
                  "include /etc/ldap/schema/core.schema",
                  "pidfile " + directory.resolve("slapd.pid"),
                  "modulepath /usr/lib/ldap",
                  "moduleload back_mdb",
                  "TLSCertificateFile " + credentials.chain(),
                  "TLSCertificateKeyFile " + credentials.key(),
                  "database mdb",
                  "suffix \"dc=starttls,dc=test\"",
                  "directory " + database,
                  "maxsize 10485760"));
      return ServerProcess.start(
          directory,
          host,
          port ->
              List.of(
                  SLAPD.toString(),
                  // In the foreground, logging connections and operations.
                  "-d",
                  "256",
                  "-h",
                  "ldap://" + host + ":" + port + "/",
                  "-f",
                  config.toString()),
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
