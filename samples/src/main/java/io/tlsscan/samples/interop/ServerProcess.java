package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.process.ChildServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A server run as a child process in a directory of its own ({@link ChildServer}): started on a
 * free port of a loopback address, ready once it accepts a TCP connection there, killed and its
 * directory deleted on {@link #close()}.
 */
final class ServerProcess implements InteropServer {
  private final ChildServer server;

  private ServerProcess(ChildServer server) {
    this.server = server;
  }

  /**
   * Starts the command {@code commandForPort} gives for a free port of {@code host} (it may write
   * its configuration into {@code directory} first), trying another port if it does not come up.
   *
   * @throws IllegalStateException if it never accepts connections (its output is in the message)
   */
  static ServerProcess start(
      Path directory,
      String host,
      IntFunction<List<String>> commandForPort,
      Map<String, String> environment) {
    return new ServerProcess(
        ChildServer.start(
            "server",
            directory,
            host,
            0,
            port -> {
              ProcessBuilder builder = new ProcessBuilder(commandForPort.apply(port));
              builder.environment().putAll(environment);
              return builder;
            },
            ChildServer.Readiness.accepting()));
  }

  /**
   * Runs a set-up command (e.g. creating a database) in {@code directory} and waits up to a minute
   * for it to succeed.
   *
   * @throws IllegalStateException if it fails (its output is in the message)
   */
  static void runToEnd(Path directory, String what, List<String> command) throws IOException {
    Path log = directory.resolve(what + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(what + " failed: " + ChildServer.logText(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes a configuration file, lines joined with line feeds and one at the end. */
  static Path writeLines(Path file, List<String> lines) {
    try {
      return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The certificate chain and key in a new directory of their own under the temp dir (their
   * parent), which the unprivileged users a server's workers run as may enter; the key is readable
   * by its owner only.
   */
  static ServerCredentials inNewDirectory(String name, TestPki.Issued leaf, TestPki.Issued... chain)
      throws IOException {
    Path directory = Files.createTempDirectory("tlsscan-" + name);
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    ServerCredentials credentials = ServerCredentials.write(directory, leaf, chain);
    Files.setPosixFilePermissions(credentials.key(), PosixFilePermissions.fromString("rw-------"));
    return credentials;
  }

  @Override
  public InetSocketAddress address() {
    return server.address();
  }

  @Override
  public String log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }
}
