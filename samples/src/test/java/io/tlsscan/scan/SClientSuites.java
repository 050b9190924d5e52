package io.tlsscan.scan;

import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cipher suites {@code openssl s_client} negotiates with a server, one suite and one version at
 * a time: the reference the interoperability tests hold tlsscan to.
 *
 * <p>Below TLS 1.3 it tries every suite {@code openssl ciphers -V
 * 'ALL:COMPLEMENTOFALL:@SECLEVEL=0'} lists, except PSK and SRP suites, which {@code s_client} does
 * not offer without {@code -psk} or {@code -srpuser}; TLS 1.0 and 1.1 only with suites OpenSSL
 * allows there, and only when a hello offering all of them gets an answer. For TLS 1.3 it tries
 * every TLS 1.3 suite of tlsscan's registry that OpenSSL knows ({@code -ciphersuites}). Every
 * attempt sends the server name and runs with an empty OpenSSL configuration; several run at once.
 */
final class SClientSuites {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");
  private static final String EVERYTHING = "ALL:COMPLEMENTOFALL:@SECLEVEL=0";
  private static final int PARALLEL = 6;

  /** One suite as {@code openssl ciphers -V -stdname} lists it. */
  private record OpenSslSuite(int code, String name, ProtocolVersion minimum) {}

  private final InetSocketAddress address;
  private final String serverName;
  private final Path emptyConfig;
  private final String starttls;
  private final ExecutorService workers = Executors.newFixedThreadPool(PARALLEL);

  private SClientSuites(
      InetSocketAddress address, String serverName, Path emptyConfig, String starttls) {
    this.address = address;
    this.serverName = serverName;
    this.emptyConfig = emptyConfig;
    this.starttls = starttls;
  }

  /**
   * Per version (TLS 1.0 to 1.3), every suite tried, by IANA code point, and whether {@code
   * s_client} got the server to choose it.
   */
  static Map<ProtocolVersion, Map<Integer, Boolean>> find(
      InetSocketAddress address, String serverName) {
    return find(address, serverName, null);
  }

  /**
   * The same, each {@code s_client} speaking {@code -starttls PROTO} first ({@code null}: none);
   * for XMPP, {@code serverName} is also the stream's domain.
   */
  static Map<ProtocolVersion, Map<Integer, Boolean>> find(
      InetSocketAddress address, String serverName, String starttls) {
    try {
      Path config = Files.createTempFile("openssl", ".cnf");
      SClientSuites probe = new SClientSuites(address, serverName, config, starttls);
      try {
        return probe.findAll();
      } finally {
        probe.workers.shutdownNow();
        Files.deleteIfExists(config);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<ProtocolVersion, Map<Integer, Boolean>> findAll() {
    List<OpenSslSuite> suites = listed();
    Map<ProtocolVersion, Map<Integer, Future<Boolean>>> attempts =
        new EnumMap<>(ProtocolVersion.class);
    for (ProtocolVersion version :
        List.of(ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1, ProtocolVersion.TLSv1_2)) {
      List<OpenSslSuite> usable =
          suites.stream().filter(suite -> version.atLeast(suite.minimum())).toList();
      boolean worthTrying =
          version == ProtocolVersion.TLSv1_2 || negotiates(version, "-cipher", EVERYTHING, null);
      Map<Integer, Future<Boolean>> tries = new TreeMap<>();
      for (OpenSslSuite suite : usable) {
        tries.put(
            suite.code(),
            worthTrying
                ? workers.submit(
                    () ->
                        negotiates(version, "-cipher", suite.name() + ":@SECLEVEL=0", suite.name()))
                : CompletableFuture.completedFuture(false));
      }
      attempts.put(version, tries);
    }
    Map<Integer, Future<Boolean>> tls13 = new TreeMap<>();
    for (String name : tls13Names()) {
      tls13.put(
          CipherSuite.byName(name).get().code(),
          workers.submit(() -> negotiates(ProtocolVersion.TLSv1_3, "-ciphersuites", name, name)));
    }
    attempts.put(ProtocolVersion.TLSv1_3, tls13);
    Map<ProtocolVersion, Map<Integer, Boolean>> found = new EnumMap<>(ProtocolVersion.class);
    attempts.forEach((version, tries) -> found.put(version, collect(tries)));
    return found;
  }

  private static Map<Integer, Boolean> collect(Map<Integer, Future<Boolean>> tries) {
    Map<Integer, Boolean> results = new TreeMap<>();
    tries.forEach(
        (code, future) -> {
          try {
            results.put(code, future.get(60, TimeUnit.SECONDS));
          } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("s_client attempt failed", e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
    return results;
  }

  /** TLS 1.2-and-older suites OpenSSL lists, without the PSK and SRP ones. */
  private List<OpenSslSuite> listed() {
    List<OpenSslSuite> suites = new ArrayList<>();
    for (String line : run(List.of("ciphers", "-V", "-stdname", EVERYTHING), 10).output()) {
      // 0xC0,0x2C - TLS_ECDHE_..._SHA384 - ECDHE-ECDSA-AES256-GCM-SHA384 TLSv1.2 Kx=ECDH Au=ECDSA
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 7 || fields[5].equals("TLSv1.3")) {
        continue;
      }
      String keyExchange = fields[6];
      if (keyExchange.contains("PSK") || keyExchange.contains("SRP")) {
        continue;
      }
      String[] bytes = fields[0].split(",");
      int code = Integer.decode(bytes[0]) << 8 | Integer.decode(bytes[1]);
      suites.add(new OpenSslSuite(code, fields[4], minimum(fields[5])));
    }
    return suites;
  }

  private static ProtocolVersion minimum(String openSslVersion) {
    return switch (openSslVersion) {
      case "SSLv3", "TLSv1" -> ProtocolVersion.TLSv1_0;
      case "TLSv1.2" -> ProtocolVersion.TLSv1_2;
      default -> throw new IllegalArgumentException("unexpected version " + openSslVersion);
    };
  }

  /** The TLS 1.3 suites of tlsscan's registry that OpenSSL accepts in {@code -ciphersuites}. */
  private List<String> tls13Names() {
    List<String> names = new ArrayList<>();
    for (CipherSuite suite : CipherSuite.forVersion(ProtocolVersion.TLSv1_3)) {
      List<String> command = List.of("ciphers", "-ciphersuites", suite.ianaName(), "-tls1_3");
      if (run(command, 10).exitCode() == 0) {
        names.add(suite.ianaName());
      }
    }
    return names;
  }

  /**
   * Whether {@code s_client} at exactly {@code version} with the given suite option completes a
   * handshake, and (when {@code expected} is set) on that suite.
   */
  private boolean negotiates(
      ProtocolVersion version, String suiteOption, String suites, String expected) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "s_client",
                "-connect",
                address.getHostString() + ":" + address.getPort(),
                "-servername",
                serverName,
                flag(version),
                suiteOption,
                suites));
    if (starttls != null) {
      command.addAll(List.of("-starttls", starttls));
      if (starttls.startsWith("xmpp")) {
        // Else s_client names the address it connects to as the XMPP domain.
        command.addAll(List.of("-xmpphost", serverName));
      }
    }
    for (String line : run(command, 10).output()) {
      // "New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256" (openssl 3.0)
      if (line.startsWith("New, ") && !line.contains("(NONE)")) {
        return expected == null || line.endsWith("Cipher is " + expected);
      }
    }
    return false;
  }

  private static String flag(ProtocolVersion version) {
    return switch (version) {
      case TLSv1_0 -> "-tls1";
      case TLSv1_1 -> "-tls1_1";
      case TLSv1_2 -> "-tls1_2";
      case TLSv1_3 -> "-tls1_3";
      default -> throw new IllegalArgumentException("openssl 3 has no " + version);
    };
  }

  private record Result(int exitCode, List<String> output) {}

  private Result run(List<String> arguments, int timeoutSeconds) {
    List<String> command = new ArrayList<>();
    command.add(OPENSSL.toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OPENSSL_CONF", emptyConfig.toString());
    try {
      Process process = builder.start();
      // End of input: s_client quits right after the handshake. Its few kilobytes of output fit
      // in the pipe, so it can end before they are read.
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, List.of());
      }
      byte[] output = process.getInputStream().readAllBytes();
      return new Result(
          process.exitValue(), new String(output, StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
