package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's, installed by {@code samples/starttls/install.sh}) with TLS
 * on, for scans through PostgreSQL's SSLRequest: a fresh cluster in a directory of its own, run in
 * the foreground as the {@code postgres} user on a loopback address, stopped and removed on close.
 */
public final class PostgresServer {
  /** Where Debian's {@code postgresql} package puts the binaries of its major version. */
  private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

  private static final String USER = "postgres";

  private PostgresServer() {}

  /** Whether the binaries are installed. */
  public static boolean installed() {
    return binaries() != null;
  }

  /**
   * Starts a server on a free port of {@code host} that serves {@code leaf} and {@code chain}.
   *
   * @throws IllegalStateException if it does not come up (its output is in the message)
   */
  public static InteropServer start(String host, TestPki.Issued leaf, TestPki.Issued... chain) {
    Path bin = binaries();
    if (bin == null) {
      throw new IllegalStateException(
          "PostgreSQL is not installed: run samples/starttls/install.sh");
    }
    try {
      Path directory = Files.createTempDirectory("tlsscan-postgres");
      ServerCredentials credentials = ServerCredentials.write(directory, leaf, chain);
      Files.setPosixFilePermissions(
          credentials.key(), PosixFilePermissions.fromString("rw-------"));
      Path data = directory.resolve("data");
      UserPrincipal owner =
          directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      for (Path path : List.of(directory, credentials.chain(), credentials.key())) {
        Files.setOwner(path, owner);
      }
      ServerProcess.runToEnd(
          directory,
          "initdb",
          List.of(
              "runuser",
              "-u",
              USER,
              "--",
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-A",
              "trust",
              "-U",
              USER,
              "--no-sync"));
      return ServerProcess.start(
          directory,
          host,
          port ->
              List.of(
                  "runuser",
                  "-u",
                  USER,
                  "--",
                  bin.resolve("postgres").toString(),
                  "-D",
                  data.toString(),
                  "-c",
                  "listen_addresses=" + host,
                  "-p",
                  Integer.toString(port),
                  "-c",
                  "unix_socket_directories=" + directory,
                  "-c",
                  "ssl=on",
                  "-c",
                  "ssl_cert_file=" + credentials.chain(),
                  "-c",
                  "ssl_key_file=" + credentials.key(),
                  "-c",
                  "fsync=off"),
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code bin} directory of the newest installed major version, or {@code null}. */
  private static Path binaries() {
    if (!Files.isDirectory(VERSIONS)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(VERSIONS)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("postgres")))
          .max(Path::compareTo)
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
