package io.tlsscan.samples.interop;

import io.tlsscan.samples.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A server run as a child process in a directory of its own: started on a free port of a loopback
 * address, ready once it accepts a TCP connection there, killed and its directory deleted on {@link
 * #close()}.
 */
final class ServerProcess implements InteropServer {
  private static final long START_TIMEOUT_MILLIS = 10_000;
  private static final int START_ATTEMPTS = 3;

  private final Process process;
  private final InetSocketAddress address;
  private final Path directory;
  private final Path log;

  private ServerProcess(Process process, InetSocketAddress address, Path directory, Path log) {
    this.process = process;
    this.address = address;
    this.directory = directory;
    this.log = log;
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
    String lastOutput = "";
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      InetSocketAddress address = new InetSocketAddress(host, freePort(host));
      Path log = directory.resolve("server-" + attempt + ".log");
      List<String> command = commandForPort.apply(address.getPort());
      ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + command.get(0), e);
      }
      if (awaitAccepting(process, address)) {
        return new ServerProcess(process, address, directory, log);
      }
      process.destroyForcibly();
      lastOutput = read(log);
    }
    deleteRecursively(directory);
    throw new IllegalStateException("server did not start: " + lastOutput);
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
        throw new IllegalStateException(what + " failed: " + read(log));
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
    return address;
  }

  @Override
  public String log() {
    return read(log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteRecursively(directory);
  }

  private static boolean awaitAccepting(Process process, InetSocketAddress address) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(address, 200);
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Deletes a server's directory, as far as it can. */
  static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: the directory lives under the temp dir.
    }
  }
}
