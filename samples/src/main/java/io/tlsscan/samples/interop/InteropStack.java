package io.tlsscan.samples.interop;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The TLS stacks of the interoperability matrix and how to start a server of each on a loopback
 * address. What a stack needs installed is checked by {@link #missing()}; {@code
 * samples/interop/install.sh} installs all of them on Debian.
 *
 * <p>The {@code settings} of {@link #start} are stack-specific text: for lighttpd, configuration
 * lines (e.g. {@code ssl.openssl.ssl-conf-cmd = ("MinProtocol" => "TLSv1.0")}); for {@code
 * gnutls-serv}, a priority string; for caddy, lines inside the site's {@code tls} block (e.g.
 * {@code protocols tls1.2 tls1.3}); for JSSE, comma-separated protocol names. Empty means the
 * stack's defaults.
 */
public enum InteropStack {
  LIGHTTPD_OPENSSL("mod_openssl"),
  LIGHTTPD_GNUTLS("mod_gnutls"),
  LIGHTTPD_MBEDTLS("mod_mbedtls"),
  LIGHTTPD_NSS("mod_nss"),
  LIGHTTPD_WOLFSSL("mod_wolfssl"),
  /** GnuTLS's own test server; it has no option to bind one address, so it listens on all. */
  GNUTLS_SERV(null),
  /** Caddy, Go's crypto/tls. */
  CADDY(null),
  /** The JDK's own TLS (SunJSSE), in this JVM. */
  JSSE(null);

  private static final Path LIGHTTPD = Path.of("/usr/sbin/lighttpd");
  private static final Path LIGHTTPD_MODULES = Path.of("/usr/lib/lighttpd");
  private static final Path GNUTLS_SERV_BINARY = Path.of("/usr/bin/gnutls-serv");
  private static final Path CADDY_BINARY = Path.of("/usr/bin/caddy");

  private final String lighttpdModule;

  InteropStack(String lighttpdModule) {
    this.lighttpdModule = lighttpdModule;
  }

  /** What is not installed for this stack (a file that should exist), if anything. */
  public Optional<String> missing() {
    List<Path> needed =
        switch (this) {
          case GNUTLS_SERV -> List.of(GNUTLS_SERV_BINARY);
          case CADDY -> List.of(CADDY_BINARY);
          case JSSE -> List.of();
          default -> List.of(LIGHTTPD, LIGHTTPD_MODULES.resolve(lighttpdModule + ".so"));
        };
    return needed.stream().filter(path -> !Files.exists(path)).map(Path::toString).findFirst();
  }

  /**
   * Starts a server of this stack on {@code host} (a loopback address) and a free port, with the
   * chain and key {@code credentials} writes into the server's own directory.
   *
   * @param credentials writes the server's PEM files into the directory it is given
   * @param settings stack-specific settings (see the class comment), empty for the defaults
   */
  public InteropServer start(
      String host, Function<Path, ServerCredentials> credentials, String settings) {
    requireNonNull(settings, "settings");
    if (!host.startsWith("127.")) {
      throw new IllegalArgumentException("not a loopback address: " + host);
    }
    Path directory;
    try {
      directory = Files.createTempDirectory("interop-" + name().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServerCredentials files = credentials.apply(directory);
    return switch (this) {
      case GNUTLS_SERV ->
          ServerProcess.start(
              directory, host, port -> gnutlsServ(files, port, settings), Map.of());
      case CADDY ->
          ServerProcess.start(
              directory,
              host,
              port -> caddy(directory, files, host, port, settings),
              Map.of(
                  "HOME", directory.toString(),
                  "XDG_DATA_HOME", directory.toString(),
                  "XDG_CONFIG_HOME", directory.toString()));
      case JSSE -> JsseServer.start(directory, host, files, settings);
      default ->
          ServerProcess.start(
              directory,
              host,
              port -> lighttpd(directory, files, host, port, settings),
              Map.of());
    };
  }

  private List<String> lighttpd(
      Path directory, ServerCredentials files, String host, int port, String settings) {
    String config =
        String.join(
            "\n",
            "server.document-root = \"" + directory + "\"",
            "server.bind = \"" + host + "\"",
            "server.port = " + port,
            "server.errorlog = \"" + directory.resolve("error.log") + "\"",
            "server.modules += (\"" + lighttpdModule + "\")",
            "ssl.engine = \"enable\"",
            "ssl.pemfile = \"" + files.chain() + "\"",
            "ssl.privkey = \"" + files.key() + "\"",
            settings,
            "");
    Path file = write(directory.resolve("lighttpd.conf"), config);
    // -D: stay in the foreground, a child of this JVM.
    return List.of(LIGHTTPD.toString(), "-D", "-f", file.toString());
  }

  private static List<String> gnutlsServ(ServerCredentials files, int port, String priority) {
    List<String> command =
        new ArrayList<>(
            List.of(
                GNUTLS_SERV_BINARY.toString(),
                "--http",
                "--port=" + port,
                "--x509certfile=" + files.chain(),
                "--x509keyfile=" + files.key()));
    if (!priority.isEmpty()) {
      command.add("--priority=" + priority);
    }
    return command;
  }

  private static List<String> caddy(
      Path directory, ServerCredentials files, String host, int port, String tlsSettings) {
    String caddyfile =
        String.join(
            "\n",
            "{",
            "  admin off",
            "  auto_https off",
            "  storage file_system " + directory.resolve("storage"),
            "}",
            "https://:" + port + " {",
            "  bind " + host,
            "  tls " + files.chain() + " " + files.key() + " {",
            tlsSettings,
            "  }",
            "  respond \"ok\"",
            "}",
            "");
    Path file = write(directory.resolve("Caddyfile"), caddyfile);
    return List.of(
        CADDY_BINARY.toString(), "run", "--config", file.toString(), "--adapter", "caddyfile");
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
