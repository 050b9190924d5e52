package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real MariaDB server (Debian's, installed by {@code samples/starttls/install.sh}) with TLS on:
 * an empty data directory in a temp directory, no grant tables, no defaults files, small InnoDB
 * files, run in the foreground on a loopback address; stopped and removed on close.
 */
public final class MariadbServer {
  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");

  private MariadbServer() {}

  /** Whether the server is installed. */
  public static boolean installed() {
    return Files.isExecutable(MARIADBD);
  }

  /**
   * Starts a server on a free port of {@code host} that serves {@code leaf} and {@code chain} after
   * the client's SSL request.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static InteropServer start(String host, TestPki.Issued leaf, TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("mariadb", leaf, chain);
      Path directory = credentials.chain().getParent();
      Path data = Files.createDirectory(directory.resolve("data"));
      return ServerProcess.start(
          directory,
          host,
          port ->
              List.of(
                  MARIADBD.toString(),
                  "--no-defaults",
                  "--user=root",
                  "--datadir=" + data,
                  "--skip-grant-tables",
                  "--skip-log-bin",
                  "--bind-address=" + host,
                  "--port=" + port,
                  "--socket=" + directory.resolve("mysqld.sock"),
                  "--pid-file=" + directory.resolve("mysqld.pid"),
                  "--innodb-buffer-pool-size=8M",
                  "--innodb-log-file-size=4M",
                  "--innodb-data-file-path=ibdata1:4M:autoextend",
                  "--ssl-cert=" + credentials.chain(),
                  "--ssl-key=" + credentials.key()),
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
