package io.tlsscan.samples.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A server run as a child process in a directory of its own, its output in a log file there:
 * started on a port of a loopback address, ready once its {@link Readiness} says so, killed and its
 * directory deleted on {@link #close()}.
 */
public final class ChildServer implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 10_000;
  private static final int START_ATTEMPTS = 3;

  /** When a started server is ready for clients. */
  @FunctionalInterface
  public interface Readiness {
    boolean ready(InetSocketAddress address, Path log);

    /** Ready once it accepts a TCP connection on its address. */
    static Readiness accepting() {
      return (address, log) -> {
        try (Socket socket = new Socket()) {
          socket.connect(address, 200);
          return true;
        } catch (IOException notYet) {
          return false;
        }
      };
    }

    /** Ready once its log holds {@code marker}. */
    static Readiness printed(String marker) {
      return (address, log) -> logText(log).contains(marker);
    }
  }

  private final Process process;
  private final InetSocketAddress address;
  private final Path directory;
  private final Path log;

  private ChildServer(Process process, InetSocketAddress address, Path directory, Path log) {
    this.process = process;
    this.address = address;
    this.directory = directory;
    this.log = log;
  }

  /**
   * Starts the process {@code processForPort} describes for {@code port} of {@code host} (a free
   * one when {@code port} is 0, another on each of three attempts) in {@code directory}, its output
   * going to a log there, and waits until it is ready. Deletes {@code directory} when it never is.
   *
   * @param what names the server in messages
   * @throws IllegalStateException if it never gets ready (its output is in the message)
   */
  public static ChildServer start(
      String what,
      Path directory,
      String host,
      int port,
      IntFunction<ProcessBuilder> processForPort,
      Readiness readiness) {
    String lastOutput = "";
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      InetSocketAddress address = new InetSocketAddress(host, port != 0 ? port : freePort(host));
      Path log = directory.resolve("server-" + attempt + ".log");
      ProcessBuilder builder =
          processForPort.apply(address.getPort()).directory(directory.toFile());
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        deleteRecursively(directory);
        throw new UncheckedIOException("cannot run " + builder.command().get(0), e);
      }
      if (awaitReady(process, address, log, readiness)) {
        return new ChildServer(process, address, directory, log);
      }
      process.destroyForcibly();
      lastOutput = logText(log);
    }
    deleteRecursively(directory);
    throw new IllegalStateException(what + " did not start: " + lastOutput);
  }

  public InetSocketAddress address() {
    return address;
  }

  /** What the server printed so far (for assertion messages). */
  public String log() {
    return logText(log);
  }

  /** Kills the server and deletes its directory. */
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

  /** Deletes a directory and what it holds, as far as it can. */
  public static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // Best effort: the directory lives under the temp dir.
    }
  }

  private static boolean awaitReady(
      Process process, InetSocketAddress address, Path log, Readiness readiness) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (readiness.ready(address, log)) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
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

  /** What a log file holds so far; empty when there is none. */
  public static String logText(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
