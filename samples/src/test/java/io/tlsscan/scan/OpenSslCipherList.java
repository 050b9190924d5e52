package io.tlsscan.scan;

import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What {@code openssl ciphers -s -v -stdname} says a server's cipher list expands to for one
 * protocol version: the suites such a server accepts, in its order of preference.
 *
 * <p>Only suites an RSA certificate without PSK or SRP set up can serve are kept: authentication
 * RSA or none, key exchange neither PSK nor SRP ({@code s_server} has no PSK or SRP callback unless
 * told, and OpenSSL then skips those suites).
 */
final class OpenSslCipherList {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");
  private static final Set<String> SERVABLE_AUTHENTICATION = Set.of("Au=RSA", "Au=None", "Au=any");

  private OpenSslCipherList() {}

  /**
   * The IANA names of the suites {@code cipherList} (or, for TLS 1.3, {@code tls13Suites}) gives at
   * {@code version}, in OpenSSL's order.
   *
   * @param cipherList the TLS 1.2-and-older list, security level included
   * @param tls13Suites the TLS 1.3 suites, {@code null} for OpenSSL's default
   */
  static List<String> expand(String cipherList, String tls13Suites, ProtocolVersion version) {
    List<String> command =
        new ArrayList<>(List.of(OPENSSL.toString(), "ciphers", "-s", "-v", "-stdname"));
    command.add(versionFlag(version));
    if (tls13Suites != null) {
      command.addAll(List.of("-ciphersuites", tls13Suites));
    }
    command.add(cipherList);
    List<String> names = new ArrayList<>();
    for (String line : run(command)) {
      // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=ECDH Au=RSA
      // ...
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 6) {
        continue;
      }
      boolean tls13Suite = fields[3].equals("TLSv1.3");
      String keyExchange = fields[4];
      String authentication = fields[5];
      boolean servable =
          SERVABLE_AUTHENTICATION.contains(authentication)
              && !keyExchange.contains("PSK")
              && !keyExchange.contains("SRP");
      if (servable && tls13Suite == (version == ProtocolVersion.TLSv1_3)) {
        names.add(fields[0]);
      }
    }
    return names;
  }

  private static String versionFlag(ProtocolVersion version) {
    return switch (version) {
      case TLSv1_0 -> "-tls1";
      case TLSv1_1 -> "-tls1_1";
      case TLSv1_2 -> "-tls1_2";
      case TLSv1_3 -> "-tls1_3";
      default -> throw new IllegalArgumentException("openssl 3 has no " + version);
    };
  }

  private static List<String> run(List<String> command) {
    try {
      Path empty = Files.createTempFile("openssl", ".cnf");
      try {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The same empty configuration as the servers: no system-wide minimum or security level.
        builder.environment().put("OPENSSL_CONF", empty.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output.lines().toList();
      } finally {
        Files.deleteIfExists(empty);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
