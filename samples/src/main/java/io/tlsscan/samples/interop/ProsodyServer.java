package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Prosody XMPP server (Debian's, installed by {@code samples/starttls/install.sh}) whose
 * client port offers STARTTLS: one virtual host, a configuration and data of its own in a temp
 * directory, run in the foreground as the {@code prosody} user on a loopback address; stopped and
 * removed on close.
 */
public final class ProsodyServer {
  private static final Path PROSODY = Path.of("/usr/bin/prosody");
  private static final String USER = "prosody";

  private ProsodyServer() {}

  /** Whether Prosody is installed. */
  public static boolean installed() {
    return Files.isExecutable(PROSODY);
  }

  /**
   * Starts an XMPP server for the domain {@code domain} on a free client port of {@code host} that
   * serves {@code leaf} and {@code chain} after STARTTLS.
   *
   * @throws IllegalStateException if it does not come up
   */
  public static InteropServer start(
      String host, String domain, TestPki.Issued leaf, TestPki.Issued... chain) {
    try {
      ServerCredentials credentials = ServerProcess.inNewDirectory("prosody", leaf, chain);
      Path directory = credentials.chain().getParent();
      Files.createDirectory(directory.resolve("data"));
      Path config = directory.resolve("prosody.cfg.lua");
      UserPrincipal owner =
          directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
      return ServerProcess.start(
          directory,
          host,
          port -> {
            ServerProcess.writeLines(
                config,
                List.of(
                    "pidfile = \"" + directory.resolve("prosody.pid") + "\"",
                    "data_path = \"" + directory.resolve("data") + "\"",
                    "log = { { levels = { min = \"info\" }, to = \"console\" } }",
                    "c2s_ports = { " + port + " }",
                    "c2s_interfaces = { \"" + host + "\" }",
                    "c2s_direct_tls_ports = { }",
                    "s2s_ports = { }",
                    "s2s_direct_tls_ports = { }",
                    "legacy_ssl_ports = { }",
                    "modules_enabled = { \"tls\", \"disco\" }",
                    "ssl = { certificate = \""
                        + credentials.chain()
                        + "\", key = \""
                        + credentials.key()
                        + "\" }",
                    "VirtualHost \"" + domain + "\""));
            giveTo(owner, directory);
            return List.of(
                "runuser",
                "-u",
                USER,
                "--",
                PROSODY.toString(),
                "-F",
                "--config",
                config.toString());
          },
          Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void giveTo(UserPrincipal owner, Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.toList()) {
        Files.setOwner(path, owner);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
