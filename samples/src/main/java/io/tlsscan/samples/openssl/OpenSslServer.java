package io.tlsscan.samples.openssl;

import static java.util.Objects.requireNonNull;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.process.ChildServer;
import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ProtocolVersion;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * An {@code openssl s_server} on a loopback address, for tests that need a real TLS stack with
 * exactly chosen protocols, suites, groups and DH parameters.
 *
 * <pre>{@code
 * try (OpenSslServer server = OpenSslServer.builder(leaf, intermediate)
 *     .only(ProtocolVersion.TLSv1_2)
 *     .cipher("ECDHE-RSA-AES128-GCM-SHA256")
 *     .start()) {
 *   connect(server.address());
 * }
 * }</pre>
 *
 * <p>The server runs with an empty OpenSSL configuration (no system-wide minimum protocol or
 * security level), on 127.0.0.1 and a free port unless told otherwise. {@link #start()} returns
 * once the server accepts connections; {@link #close()} kills it and deletes its files. OpenSSL 3.0
 * refuses TLS 1.0 and 1.1 above security level 0, so tests of those add {@link
 * Builder#securityLevel(int) securityLevel(0)}.
 */
public final class OpenSslServer implements AutoCloseable {
  private static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/openssl");

  private final ChildServer server;

  private OpenSslServer(ChildServer server) {
    this.server = server;
  }

  /**
   * Starts describing a server that presents {@code leaf} and sends {@code chain} after it.
   *
   * @param leaf the server certificate and key
   * @param chain intermediates (and optionally the root) to send after the leaf
   */
  public static Builder builder(TestPki.Issued leaf, TestPki.Issued... chain) {
    return new Builder(leaf, List.of(chain));
  }

  /** Where the server listens. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** What the server printed so far (for assertion messages). */
  public String output() {
    return server.log();
  }

  /** Kills the server and deletes its certificate, key and log files. */
  @Override
  public void close() {
    server.close();
  }

  /** The command-line options of one server. Mutable; {@link #start()} may be called once. */
  public static final class Builder {
    private final TestPki.Issued leaf;
    private final List<TestPki.Issued> chain;
    private TestPki.Issued dsaLeaf;
    private Path executable = DEFAULT_EXECUTABLE;
    private String host = "127.0.0.1";
    private int port;
    private String cipher;
    private String ciphersuites;
    private String groups;
    private Integer securityLevel;
    private BigInteger[] dhParameters;
    private final List<String> protocolFlags = new ArrayList<>();
    private final List<String> extraArguments = new ArrayList<>();

    private Builder(TestPki.Issued leaf, List<TestPki.Issued> chain) {
      this.leaf = requireNonNull(leaf, "leaf");
      this.chain = List.copyOf(chain);
    }

    /** The openssl binary (default {@code /usr/bin/openssl}). */
    public Builder executable(Path path) {
      this.executable = requireNonNull(path, "path");
      return this;
    }

    /** The loopback address to listen on, e.g. {@code 127.0.0.2} (default 127.0.0.1). */
    public Builder host(String loopbackAddress) {
      requireNonNull(loopbackAddress, "loopbackAddress");
      if (!loopbackAddress.startsWith("127.") && !loopbackAddress.equals("::1")) {
        throw new IllegalArgumentException("not a loopback address: " + loopbackAddress);
      }
      this.host = loopbackAddress;
      return this;
    }

    /**
     * The port to listen on, e.g. the one another server uses at another address (default: a free
     * one the system picks).
     */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * A DSA certificate presented as well, for DHE-DSS suites ({@code -dcert}, {@code -dkey}); it
     * is sent alone, without the chain.
     */
    public Builder dsaCertificate(TestPki.Issued dsaLeaf) {
      this.dsaLeaf = requireNonNull(dsaLeaf, "dsaLeaf");
      return this;
    }

    /** The TLS 1.2-and-older cipher list, OpenSSL syntax ({@code -cipher}). */
    public Builder cipher(String openSslCipherList) {
      this.cipher = requireNonNull(openSslCipherList, "openSslCipherList");
      return this;
    }

    /** The TLS 1.3 suites, colon-separated IANA names ({@code -ciphersuites}). */
    public Builder ciphersuites(String tls13Suites) {
      this.ciphersuites = requireNonNull(tls13Suites, "tls13Suites");
      return this;
    }

    /** The groups, OpenSSL names such as {@code X25519:P-256} ({@code -groups}). */
    public Builder groups(String openSslGroups) {
      this.groups = requireNonNull(openSslGroups, "openSslGroups");
      return this;
    }

    /** Appends {@code @SECLEVEL=level} to the cipher list (0 allows everything OpenSSL has). */
    public Builder securityLevel(int level) {
      if (level < 0 || level > 5) {
        throw new IllegalArgumentException("security level " + level);
      }
      this.securityLevel = level;
      return this;
    }

    /**
     * Speaks only {@code version} ({@code -tls1}, {@code -tls1_1}, {@code -tls1_2}, {@code
     * -tls1_3}).
     */
    public Builder only(ProtocolVersion version) {
      protocolFlags.add("-" + flagName(version));
      return this;
    }

    /**
     * Serves DTLS over UDP instead of TLS, only {@code version} ({@code -dtls1}, {@code -dtls1_2}).
     * DTLS 1.0 needs {@link #securityLevel(int) securityLevel(0)} in OpenSSL 3.
     */
    public Builder datagram(DtlsVersion version) {
      protocolFlags.add(
          switch (requireNonNull(version, "version")) {
            case DTLSv1_0 -> "-dtls1";
            case DTLSv1_2 -> "-dtls1_2";
          });
      return this;
    }

    /** Disables {@code version} ({@code -no_tls1_3} and so on). */
    public Builder without(ProtocolVersion version) {
      protocolFlags.add("-no_" + flagName(version));
      return this;
    }

    /** Uses these finite-field DH parameters for DHE suites instead of OpenSSL's automatic ones. */
    public Builder dhParameters(BigInteger prime, BigInteger generator) {
      this.dhParameters =
          new BigInteger[] {requireNonNull(prime, "prime"), requireNonNull(generator, "generator")};
      return this;
    }

    /** Further {@code s_server} arguments, e.g. {@code -serverpref}. */
    public Builder arguments(String... arguments) {
      extraArguments.addAll(List.of(arguments));
      return this;
    }

    private static String flagName(ProtocolVersion version) {
      return switch (requireNonNull(version, "version")) {
        case TLSv1_0 -> "tls1";
        case TLSv1_1 -> "tls1_1";
        case TLSv1_2 -> "tls1_2";
        case TLSv1_3 -> "tls1_3";
        default -> throw new IllegalArgumentException("openssl 3 cannot serve " + version);
      };
    }

    /**
     * Writes the files, starts the server and waits until it accepts connections.
     *
     * @throws IllegalStateException if the server does not come up (its output is in the message)
     */
    public OpenSslServer start() {
      Path directory;
      try {
        directory = Files.createTempDirectory("openssl-server");
        writeFiles(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // s_server says ACCEPT once it listens (a DTLS server takes no TCP connection to show it).
      return new OpenSslServer(
          ChildServer.start(
              "openssl s_server",
              directory,
              host,
              port,
              port -> launch(directory, port),
              ChildServer.Readiness.printed("ACCEPT")));
    }

    private void writeFiles(Path directory) throws IOException {
      writePem(directory.resolve("cert.pem"), List.of(leaf.certificate()));
      writePem(directory.resolve("key.pem"), List.of(leaf.key()));
      if (!chain.isEmpty()) {
        writePem(
            directory.resolve("chain.pem"),
            chain.stream().map(TestPki.Issued::certificate).map(Object.class::cast).toList());
      }
      if (dsaLeaf != null) {
        writePem(directory.resolve("dsa-cert.pem"), List.of(dsaLeaf.certificate()));
        writePem(directory.resolve("dsa-key.pem"), List.of(dsaLeaf.key()));
      }
      if (dhParameters != null) {
        byte[] der = new DHParameter(dhParameters[0], dhParameters[1], 0).getEncoded();
        writePem(directory.resolve("dh.pem"), List.of(new PemObject("DH PARAMETERS", der)));
      }
      Files.writeString(directory.resolve("openssl.cnf"), "");
    }

    private static void writePem(Path file, List<Object> objects) throws IOException {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        for (Object object : objects) {
          writer.writeObject(object);
        }
      }
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
        out.write(text.toString());
      }
    }

    private ProcessBuilder launch(Path directory, int port) {
      List<String> command = new ArrayList<>();
      command.add(executable.toString());
      command.add("s_server");
      command.addAll(List.of("-accept", host + ":" + port));
      command.addAll(List.of("-cert", directory.resolve("cert.pem").toString()));
      command.addAll(List.of("-key", directory.resolve("key.pem").toString()));
      if (!chain.isEmpty()) {
        command.addAll(List.of("-cert_chain", directory.resolve("chain.pem").toString()));
      }
      if (dsaLeaf != null) {
        command.addAll(List.of("-dcert", directory.resolve("dsa-cert.pem").toString()));
        command.addAll(List.of("-dkey", directory.resolve("dsa-key.pem").toString()));
      }
      String cipherList = cipher;
      if (securityLevel != null) {
        cipherList = (cipherList == null ? "DEFAULT" : cipherList) + ":@SECLEVEL=" + securityLevel;
      }
      if (cipherList != null) {
        command.addAll(List.of("-cipher", cipherList));
      }
      if (ciphersuites != null) {
        command.addAll(List.of("-ciphersuites", ciphersuites));
      }
      if (groups != null) {
        command.addAll(List.of("-groups", groups));
      }
      if (dhParameters != null) {
        command.addAll(List.of("-dhparam", directory.resolve("dh.pem").toString()));
      }
      command.addAll(protocolFlags);
      command.addAll(extraArguments);
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> environment = builder.environment();
      environment.put("OPENSSL_CONF", directory.resolve("openssl.cnf").toString());
      // stdin stays an open pipe: s_server ends a session when its stdin reaches end of file.
      return builder;
    }
  }
}
